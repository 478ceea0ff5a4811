using System.Runtime.ExceptionServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using Spx.Research.Consolidation;
using Spx.Research.Lake;

namespace Spx.Research.Scanning;

/// <summary>
/// Fills <see cref="MomentumEventQueries.MinutesTable"/>: the <c>option_minutes</c> rows at the keys the events name
/// (<see cref="MomentumEventQueries.Keys"/>), whose spot, delta and gamma give each event's explained move
/// (docs/consolidation.md, "Explained move"). The session's own files of each date's partition are read directly,
/// dates spread over the cores (<see cref="ExplainingMinutesFile"/>); a partition of several files, or one whose
/// columns have other types, goes through the semi-join in SQL (<see cref="MomentumEventQueries.InsertMinutes"/>).
/// Both ways give the same rows.
/// </summary>
internal static class ExplainingMinutes
{
    /// <summary>Fills the (new, empty) table on <paramref name="connection"/>, <paramref name="lake"/>'s connection, inside its <c>Run</c>.</summary>
    public static void Fill(DuckDBConnection connection, LakeSession lake, MomentumScanOptions options)
    {
        connection.ExecuteNonQuery(MomentumEventQueries.CreateMinutes());
        if (!lake.Views.Contains(ConsolidationDatasets.OptionMinutes.Name)) return;
        var dates = ReadKeys(connection);
        var files = dates.Select(d => lake.ViewFiles(ConsolidationDatasets.OptionMinutes.Name, d.Date)).ToArray();
        var found = new List<ExplainingMinute>?[dates.Count];
        try
        {
            Parallel.For(0, dates.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => found[i] = files[i].Count switch
            {
                0 => [],
                1 => ExplainingMinutesFile.Find(files[i][0], options.Underlying, dates[i].Keys),
                _ => null,
            });
        }
        catch (AggregateException failed) when (failed.InnerExceptions.Count > 0)
        {
            // One line for the user, as a sequential read would give: the first failure itself.
            ExceptionDispatchInfo.Capture(failed.InnerExceptions[0]).Throw();
        }
        Append(connection, found.Where(rows => rows is not null).SelectMany(rows => rows!));
        var left = dates.Where((_, i) => found[i] is null).Select(d => d.Date).ToList();
        if (left.Count > 0) connection.ExecuteNonQuery(MomentumEventQueries.InsertMinutes(options, left));
    }

    /// <summary>The keys by date, and within a date by ticker: the bar starts (Unix microseconds) wanted.</summary>
    /// <remarks>Read in place from DuckDB's chunks, a ticker decoded once per run of equal text (the keys come sorted).</remarks>
    private static List<(DateOnly Date, Dictionary<string, HashSet<long>> Keys)> ReadKeys(DuckDBConnection connection)
    {
        var dates = new List<(DateOnly Date, Dictionary<string, HashSet<long>> Keys)>();
        using var stream = DuckDbChunkStream.Open(connection, MomentumEventQueries.Keys());
        if (stream.Types[0] != DuckDBType.Date || stream.Types[1] != DuckDBType.Varchar || stream.Types[2] != DuckDBType.BigInt)
            throw new InvalidOperationException($"momentum scan: the explaining keys arrived as {string.Join(", ", stream.Types)}");
        var day = int.MinValue;
        HashSet<long> times = [];
        byte[] ticker = [];
        while (stream.Next() is { } chunk)
        {
            var days = chunk.Values<int>(0);
            var starts = chunk.Values<long>(2);
            for (var row = 0; row < chunk.Length; row++)
            {
                var text = chunk.Text(1, row);
                if (days[row] != day)
                {
                    day = days[row];
                    dates.Add((MomentumKernelResult.Day(day), new Dictionary<string, HashSet<long>>(StringComparer.Ordinal)));
                    ticker = [];
                }
                if (ticker.Length == 0 || !text.SequenceEqual(ticker))
                {
                    ticker = text.ToArray();
                    dates[^1].Keys.Add(System.Text.Encoding.UTF8.GetString(ticker), times = []);
                }
                times.Add(starts[row]);
            }
        }
        return dates;
    }

    private static void Append(DuckDBConnection connection, IEnumerable<ExplainingMinute> rows)
    {
        using var appender = connection.CreateAppender(MomentumEventQueries.MinutesTable);
        foreach (var row in rows)
        {
            appender.CreateRow()
                .AppendValue(row.Ticker).AppendValue(MomentumKernelResult.Instant(row.Ts))
                .AppendValue(row.Spot).AppendValue(row.Delta).AppendValue(row.Gamma)
                .EndRow();
        }
    }
}
