using Spx.Research.Lake;
using Spx.Research.Monitor.Detection;

namespace Spx.Research.Monitor.Polling;

/// <summary>
/// Where polls live: <c>monitor_polls</c>, one partition per session. A poll is appended as one new file with
/// key de-duplication (<c>poll_ts</c>, <c>ticker</c>), so repeating a poll of the same instant adds nothing and
/// leaves the files as they were, and a poll killed before its file is renamed into place leaves the
/// partition untouched (see <see cref="LakeWriter.AppendToPartition"/>). One <see cref="LakeWriter"/> serves both
/// the read of the previous polls and the append: a monitor cycle hands in its own, so the poll and the
/// detector share one connection instead of opening one per step.
/// </summary>
public sealed class PollStore : IDisposable
{
    private readonly LakeWriter _writer;
    private readonly bool _ownsWriter;

    /// <summary>A store with a writer of its own for the lake at <paramref name="layout"/>; dispose it.</summary>
    public PollStore(LakeLayout layout, LakeWriterOptions? options = null)
        : this(new LakeWriter(layout, MonitorRegistry.With(), options), ownsWriter: true)
    {
    }

    /// <summary>A store on <paramref name="writer"/>, which stays the caller's.</summary>
    /// <exception cref="ArgumentException">The writer's registry has no <c>monitor_polls</c>.</exception>
    public PollStore(LakeWriter writer)
        : this(writer, ownsWriter: false)
    {
    }

    private PollStore(LakeWriter writer, bool ownsWriter)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!writer.Registry.Contains(MonitorDatasets.Polls.Name))
            throw new ArgumentException($"The writer's registry has no {MonitorDatasets.Polls.Name} dataset (use MonitorRegistry.With()).", nameof(writer));
        _writer = writer;
        _ownsWriter = ownsWriter;
    }

    /// <summary>The lake written to.</summary>
    public LakeLayout Layout => _writer.Layout;

    /// <summary>Each ticker's latest poll in <paramref name="session"/> strictly before <paramref name="pollTs"/>.</summary>
    public IReadOnlyDictionary<string, PreviousPoll> PreviousPolls(DateOnly session, DateTimeOffset pollTs)
    {
        var files = LakeSnapshot.Take(Layout, MonitorDatasets.Polls.Name).Partitions
            .Where(p => p.Date == session).SelectMany(p => p.Files).ToArray();
        var previous = new Dictionary<string, PreviousPoll>(StringComparer.Ordinal);
        if (files.Length == 0) return previous;

        using var reader = _writer.Connection.ExecuteReader($"""
            SELECT ticker, epoch_ms(max(poll_ts)), arg_max(day_volume, poll_ts)
            FROM read_parquet({SqlText.FileList(files)}, union_by_name = true, hive_partitioning = false)
            WHERE poll_ts < {SqlText.Instant(pollTs)}
            GROUP BY ticker
            """);
        while (reader.Read())
            previous[reader.GetString(0)] = new PreviousPoll(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.GetInt64(2));
        return previous;
    }

    /// <summary>Appends <paramref name="rows"/> to the session's partition; rows whose key is stored already are dropped.</summary>
    public LakeWriteResult Append(DateOnly session, IReadOnlyList<PollRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return _writer.AppendToPartition(MonitorDatasets.Polls.Name, session, LakeSource.FromAppender(appender =>
        {
            foreach (var row in rows) AppendRow(appender, row);
        }));
    }

    /// <summary>Disposes the writer if the store opened it.</summary>
    public void Dispose()
    {
        if (_ownsWriter) _writer.Dispose();
    }

    /// <summary>One row, in the column order of <see cref="MonitorDatasets.Polls"/>.</summary>
    private static void AppendRow(LakeAppender appender, PollRow row)
    {
        var c = row.Contract;
        appender.CreateRow()
            .AppendValue(row.PollTs)
            .AppendValue(row.Session)
            .AppendValue(c.Ticker.ToString())
            .AppendValue(c.Ticker.Underlying)
            .AppendValue(c.Ticker.Root)
            .AppendValue(c.Ticker.Expiry)
            .AppendValue(c.Ticker.Right == Market.OptionRight.Put ? "P" : "C")
            .AppendValue((double)c.Ticker.Strike)
            .AppendValue(row.Spot)
            .AppendValue(c.DayVolume)
            .AppendValue(c.OpenInterest)
            .AppendValue(c.Bid)
            .AppendValue(c.Ask)
            .AppendValue(c.LastPrice)
            .AppendValue(c.DayVwap)
            .AppendValue(c.ImpliedVolatility)
            .AppendValue(c.Delta)
            .AppendValue(c.Gamma)
            .AppendValue(c.Theta)
            .AppendValue(c.Vega)
            .AppendValue(row.VolumeDelta)
            .EndRow();
    }
}
