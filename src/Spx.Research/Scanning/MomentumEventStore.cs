using System.Runtime.ExceptionServices;
using Spx.Research.Lake;

namespace Spx.Research.Scanning;

/// <summary>
/// Stores a scan's events in <c>momentum_events</c>: each scanned date's partition is replaced by the rows
/// of other underlyings already there plus this scan's, so running the same scan again changes nothing
/// (same rows, same file) and a scan of SPX keeps SPY's events. A date with bars but no events gets an
/// empty partition: "scanned, nothing found" rather than "not scanned". Rows are in key order
/// (<c>ticker</c> in DuckDB's text order, then <c>trigger_ts</c>).
/// </summary>
/// <remarks>
/// Each date is written from C# arrays as a column batch (docs/scanner.md, "Storing the events"), dates in
/// parallel, one <see cref="MomentumDateWriter"/> per worker. Other underlyings' rows are read back by column
/// name (<see cref="MomentumKeptRows"/>), so columns added to the dataset later (the explaining delta and gamma,
/// docs/consolidation.md) survive a re-scan of another underlying. Two scans of the same date must not run at
/// once: each replaces the partition with what it read before.
/// </remarks>
public static class MomentumEventStore
{
    /// <summary>Writes <paramref name="scan"/>'s events, one partition replace per date; returns the rows written per date, in date order.</summary>
    /// <param name="workers">Dates written at once; default one per processor.</param>
    public static IReadOnlyList<LakeWriteResult> Replace(LakeLayout lake, DatasetRegistry registry, MomentumScan scan, int? workers = null)
    {
        var schema = ScanningDatasets.MomentumEvents;
        if (!registry.Contains(schema.Name)) registry = registry.Register(schema);
        var byDate = scan.Events.GroupBy(e => e.Date).ToDictionary(g => g.Key, g => (IReadOnlyList<MomentumEventRow>)g.ToList());
        var dates = scan.Dates;
        var results = new LakeWriteResult[dates.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Math.Min(workers ?? Environment.ProcessorCount, dates.Count)) };
        try
        {
            Parallel.For(0, dates.Count, parallel,
                () => new MomentumDateWriter(lake, registry, scan.Summary.Options.Underlying),
                (i, _, writer) =>
                {
                    results[i] = writer.Replace(dates[i], byDate.GetValueOrDefault(dates[i], []));
                    return writer;
                },
                writer => writer.Dispose());
        }
        catch (AggregateException failed) when (failed.InnerExceptions.Count > 0)
        {
            // One line for the user, as a sequential run would give: the first failure itself.
            ExceptionDispatchInfo.Capture(failed.InnerExceptions[0]).Throw();
        }
        return results;
    }
}
