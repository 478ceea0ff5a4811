using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Monitor;
using Spx.Research.Monitor.Detection;
using Spx.Research.Testing;

namespace Spx.Research.Tests.Monitor.Detection;

/// <summary>One contract in one poll, as the poll writes it; defaults make a put that reaches neither rule nor floor by accident.</summary>
internal sealed record PollRow(
    DateTimeOffset PollTs,
    string Ticker,
    long DayVolume,
    long VolumeDelta = 0,
    double? LastPrice = 5.0,
    double? Bid = null,
    double? Ask = null,
    double? DayVwap = null,
    double Strike = 5000,
    double Spot = 5800);

/// <summary>A temp lake with the monitor's datasets, filled the way the poll and end of day fill it (LakeWriter + LakeAppender).</summary>
internal sealed class MonitorTestLake : IDisposable
{
    public static readonly DateOnly Expiry = new(2025, 4, 17);

    public MonitorTestLake()
    {
        Root = Directory.CreateTempSubdirectory("spx-monitor-").FullName;
        Layout = new LakeLayout(Root);
    }

    public string Root { get; }

    public LakeLayout Layout { get; }

    public static DatasetRegistry Registry { get; } = MonitorRegistry.With();

    /// <summary>The instant of <paramref name="hour"/>:<paramref name="minute"/> New York time on <paramref name="date"/>.</summary>
    public static DateTimeOffset Et(DateOnly date, int hour, int minute) => NewYorkTime.ToUtc(date, new TimeOnly(hour, minute));

    public LakeSession Session() => new(Layout, Registry);

    /// <summary>Appends polls to <c>monitor_polls</c>, one append per session (as a poll does).</summary>
    public void WritePolls(params PollRow[] rows)
    {
        using var writer = new LakeWriter(Layout, Registry);
        foreach (var day in rows.GroupBy(r => NewYorkTime.LocalDate(r.PollTs)))
        {
            writer.AppendToPartition("monitor_polls", day.Key, LakeSource.FromAppender(appender =>
            {
                foreach (var row in day) AppendPoll(appender, row, day.Key).AppendValue(row.VolumeDelta).EndRow();
            }));
        }
    }

    /// <summary>Replaces <c>monitor_daily</c> rows of each session in <paramref name="rows"/> (PollTs is the contract's last poll).</summary>
    public void WriteDaily(params PollRow[] rows)
    {
        using var writer = new LakeWriter(Layout, Registry);
        foreach (var day in rows.GroupBy(r => NewYorkTime.LocalDate(r.PollTs)))
        {
            writer.ReplacePartition("monitor_daily", day.Key, LakeSource.FromAppender(appender =>
            {
                foreach (var row in day)
                {
                    var begun = appender.CreateRow().AppendValue(day.Key).AppendValue(row.PollTs);
                    AppendContract(begun, row).EndRow();
                }
            }));
        }
    }

    private static LakeAppenderRow AppendPoll(LakeAppender appender, PollRow row, DateOnly session) =>
        AppendContract(appender.CreateRow().AppendValue(row.PollTs).AppendValue(session), row);

    private static LakeAppenderRow AppendContract(LakeAppenderRow begun, PollRow row) =>
        MonitorContractColumns.Append(begun, row.Ticker, Expiry, row.Strike, row.Spot, row.DayVolume, row.LastPrice, row.Bid, row.Ask, row.DayVwap);

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
