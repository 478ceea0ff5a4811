using Spx.Research.Lake;

namespace Spx.Research.Consolidation;

/// <summary>
/// Runs consolidation (docs/consolidation.md, "How it runs"): checks every input file of the range first (a damaged
/// one stops the run before anything is written), then consolidates the dates in parallel, one
/// <see cref="DayConsolidator"/> per worker, each replacing its date's <c>option_minutes</c> partition and keeping
/// other underlyings' rows. The same inputs give the same files, so a re-run changes nothing.
/// </summary>
public static class Consolidator
{
    /// <summary>Consolidates every <c>option_bars_1m</c> partition in the range; one result per date, in date order.</summary>
    /// <param name="workers">Dates consolidated at once; default one per processor.</param>
    /// <exception cref="InvalidDataException">An input file is damaged (the message names it); nothing was written.</exception>
    public static IReadOnlyList<ConsolidatedDay> Run(LakeLayout lake, ConsolidationOptions options, DatasetRegistry? registry = null, int? workers = null)
    {
        options.Validate();
        var days = lake.Partitions(FoundationDatasets.OptionBars1m.Name).Where(d => d >= options.From && d <= options.To).ToList();
        var inputs = days.Select(d => ConsolidationInputs.For(lake, d)).ToList();
        var news = lake.Partitions(FoundationDatasets.News.Name).Where(d => d <= options.To)
            .SelectMany(d => ConsolidationInputs.Checked(lake, FoundationDatasets.News.Name, d)).ToList();
        var datasets = WithDatasets(registry ?? DatasetRegistry.Default);

        var context = Context(lake, datasets, news, inputs, options.Underlying);

        var results = new ConsolidatedDay[inputs.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Math.Min(workers ?? Environment.ProcessorCount, inputs.Count)) };
        try
        {
            Parallel.For(0, inputs.Count, parallel,
                () => new DayConsolidator(lake, datasets, context, options),
                (i, _, worker) =>
                {
                    results[i] = worker.Consolidate(inputs[i]);
                    return worker;
                },
                worker => worker.Dispose());
        }
        catch (AggregateException failed) when (failed.InnerExceptions.Count > 0)
        {
            // One line for the user, as a sequential run would give: the first failure itself.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failed.InnerExceptions[0]).Throw();
        }
        return results;
    }

    /// <summary>The as-of context of every date, in one query that DuckDB runs on all cores.</summary>
    private static RangeContext Context(LakeLayout lake, DatasetRegistry datasets, IReadOnlyList<string> news, IReadOnlyList<ConsolidationInputs> inputs, string underlying)
    {
        using var writer = new LakeWriter(lake, datasets);
        // DuckDB reads a local file's column chunks page by page, a system call each; prefetching reads a chunk at once.
        // Consolidating a month, reads of lake files fell from 6,659 to 956 (most of them this query's), which on this
        // project's virtual machines is worth having; the scanner's session measured no gain, so it is set here only.
        writer.Connection.ExecuteNonQuery("SET prefetch_all_parquet_files = true");
        try
        {
            writer.Connection.ExecuteNonQuery(ConsolidationQueries.CreateNews(news, underlying));
            return RangeContext.Read(writer.Connection, inputs, underlying);
        }
        catch (DuckDB.NET.Data.DuckDBException error)
        {
            var missing = MissingColumn.In(writer.Connection, inputs)
                ?? (MissingColumn.In(writer.Connection, FoundationDatasets.News, news) is { } inNews ? $"news: {inNews}" : null);
            if (missing is null) throw;
            throw new InvalidDataException(missing, error);
        }
    }

    private static DatasetRegistry WithDatasets(DatasetRegistry registry) =>
        ConsolidationDatasets.All.Where(d => !registry.Contains(d.Name)).Aggregate(registry, (r, d) => r.Register(d));
}
