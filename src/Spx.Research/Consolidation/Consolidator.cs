using DuckDB.NET.Data;
using Spx.Research.Lake;
using Spx.Research.Market;

namespace Spx.Research.Consolidation;

/// <summary>
/// Runs consolidation day by day: checks every input file of the range first (a damaged one stops the run before
/// anything is written), then per date aligns in DuckDB, prices in C# and replaces the <c>option_minutes</c>
/// partition, keeping other underlyings' rows. The same inputs give the same file, so a re-run changes nothing.
/// </summary>
public static class Consolidator
{
    /// <summary>Consolidates every <c>option_bars_1m</c> partition in the range; one result per date written.</summary>
    /// <exception cref="InvalidDataException">An input file is damaged (the message names it); nothing was written.</exception>
    public static IReadOnlyList<ConsolidatedDay> Run(LakeLayout lake, ConsolidationOptions options, DatasetRegistry? registry = null)
    {
        options.Validate();
        var days = lake.Partitions(FoundationDatasets.OptionBars1m.Name).Where(d => d >= options.From && d <= options.To).ToList();
        var inputs = days.Select(d => ConsolidationInputs.For(lake, d)).ToList();
        var news = lake.Partitions(FoundationDatasets.News.Name).Where(d => d <= options.To)
            .SelectMany(d => ConsolidationInputs.Checked(lake, FoundationDatasets.News.Name, d)).ToList();

        using var writer = new LakeWriter(lake, WithDatasets(registry ?? DatasetRegistry.Default));
        writer.Connection.ExecuteNonQuery(ConsolidationQueries.CreateNews(news, options.Underlying));
        var results = new List<ConsolidatedDay>();
        foreach (var day in inputs) results.Add(Consolidate(writer, day, options));
        return results;
    }

    /// <summary>One date: align, price, write.</summary>
    public static ConsolidatedDay Consolidate(LakeWriter writer, ConsolidationInputs inputs, ConsolidationOptions options)
    {
        Align(writer.Connection, inputs, options);
        var rows = MinutePricing.Run(writer.Connection, options.Rate, options.Yield);
        return new ConsolidatedDay(inputs.Date, rows, Write(writer, inputs, options));
    }

    /// <summary>
    /// The alignment step's tables (after the news table exists): the numbered bars, their settlement instants and
    /// the as-of context. The wide row itself is built by the query the write stages (<see cref="ConsolidationQueries.Rows"/>).
    /// </summary>
    public static void Align(DuckDBConnection connection, ConsolidationInputs inputs, ConsolidationOptions options)
    {
        connection.ExecuteNonQuery(ConsolidationQueries.CreateBars(inputs, options.Underlying));
        FillSettlements(connection, inputs.Date);
        connection.ExecuteNonQuery(ConsolidationQueries.CreateContext(inputs, options.Underlying));
    }

    /// <summary>The write step: bars ⋈ context ⋈ priced with the windows (plus other underlyings' stored rows) replaces the date's partition.</summary>
    public static LakeWriteResult Write(LakeWriter writer, ConsolidationInputs inputs, ConsolidationOptions options) =>
        writer.ReplacePartition(ConsolidationDatasets.OptionMinutes.Name, inputs.Date,
            LakeSource.FromSql(ConsolidationQueries.Rows(inputs.Stored, options.Underlying)));

    /// <summary>Each ticker's settlement instant from its terms and the NYSE calendar (docs/pricing.md, "Time to settlement").</summary>
    private static void FillSettlements(DuckDBConnection connection, DateOnly date)
    {
        var tickers = new List<string>();
        using (var reader = connection.ExecuteReader(ConsolidationQueries.Tickers()))
        {
            while (reader.Read()) tickers.Add(reader.GetString(0));
        }
        using var appender = connection.CreateAppender(ConsolidationQueries.SettlementTable);
        foreach (var ticker in tickers)
        {
            if (!OptionTicker.TryParse(ticker, out var contract))
                throw new InvalidDataException($"option_bars_1m partition {LakeLayout.PartitionName(date)}: ticker '{ticker}' is not an OCC option ticker");
            appender.CreateRow().AppendValue(ticker).AppendValue(contract.SettlementInstant().UtcDateTime).EndRow();
        }
    }

    private static DatasetRegistry WithDatasets(DatasetRegistry registry) =>
        ConsolidationDatasets.All.Where(d => !registry.Contains(d.Name)).Aggregate(registry, (r, d) => r.Register(d));
}
