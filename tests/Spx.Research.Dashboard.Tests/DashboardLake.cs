using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Monitor.Detection;
using Spx.Research.Testing;

namespace Spx.Research.Dashboard.Tests;

/// <summary>One contract in one poll; the ticker is any text, so a test can store a hostile one.</summary>
internal sealed record Poll(DateTimeOffset PollTs, string Ticker, DateOnly Expiry, double Strike, long DayVolume, long VolumeDelta, double? LastPrice = 5.0, double Spot = 6000);

/// <summary>An alert row as the detector stores it, with any message.</summary>
internal sealed record Alert(DateTimeOffset PollTs, string Rule, string Ticker, DateOnly Expiry, double Strike, long DayVolume, long VolumeDelta, string Message);

/// <summary>A temp lake filled the way the monitor fills it (LakeWriter + LakeAppender, one append per poll).</summary>
internal sealed class DashboardLake : IDisposable
{
    public DashboardLake()
        : this(Directory.CreateTempSubdirectory("spx-dashboard-").FullName)
    {
    }

    /// <summary>A lake at <paramref name="root"/>, created by the first write.</summary>
    public DashboardLake(string root)
    {
        Root = root;
        Layout = new LakeLayout(Root);
    }

    public string Root { get; }

    public LakeLayout Layout { get; }

    /// <summary><paramref name="hour"/>:<paramref name="minute"/> New York time on <paramref name="date"/>.</summary>
    public static DateTimeOffset Et(DateOnly date, int hour, int minute) => NewYorkTime.ToUtc(date, new TimeOnly(hour, minute));

    /// <summary>Appends each poll instant's rows as one file, as a poll does.</summary>
    public void WritePolls(params Poll[] rows)
    {
        using var writer = new LakeWriter(Layout, MonitorRegistry.With());
        foreach (var poll in rows.GroupBy(r => r.PollTs))
        {
            var session = NewYorkTime.LocalDate(poll.Key);
            writer.AppendToPartition("monitor_polls", session, LakeSource.FromAppender(appender =>
            {
                foreach (var row in poll)
                    Contract(appender.CreateRow().AppendValue(row.PollTs).AppendValue(session), row).AppendValue(row.VolumeDelta).EndRow();
            }));
        }
    }

    /// <summary>Writes a session's end-of-day rows (PollTs: each contract's last poll).</summary>
    public void WriteDaily(params Poll[] rows)
    {
        using var writer = new LakeWriter(Layout, MonitorRegistry.With());
        foreach (var day in rows.GroupBy(r => NewYorkTime.LocalDate(r.PollTs)))
        {
            writer.ReplacePartition("monitor_daily", day.Key, LakeSource.FromAppender(appender =>
            {
                foreach (var row in day) Contract(appender.CreateRow().AppendValue(day.Key).AppendValue(row.PollTs), row).EndRow();
            }));
        }
    }

    /// <summary>Appends alerts, one file per session.</summary>
    public void WriteAlerts(params Alert[] alerts)
    {
        using var writer = new LakeWriter(Layout, MonitorRegistry.With());
        foreach (var day in alerts.GroupBy(a => NewYorkTime.LocalDate(a.PollTs)))
        {
            writer.AppendToPartition("alerts", day.Key, LakeSource.FromAppender(appender =>
            {
                foreach (var a in day)
                {
                    appender.CreateRow()
                        .AppendValue(a.PollTs).AppendValue(day.Key).AppendValue(a.Rule).AppendValue(a.Ticker).AppendValue(a.Expiry)
                        .AppendValue(a.Strike).AppendValue(6000.0).AppendValue(a.DayVolume).AppendValue(a.VolumeDelta)
                        .AppendValue((long?)100).AppendValue("aligned").AppendValue((double?)300_000).AppendValue(a.Message)
                        .EndRow();
                }
            }));
        }
    }

    private static LakeAppenderRow Contract(LakeAppenderRow begun, Poll row) =>
        MonitorContractColumns.Append(begun, row.Ticker, row.Expiry, row.Strike, row.Spot, row.DayVolume, row.LastPrice);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // The OS temp cleaner gets the rest.
        }
    }
}
