using Spx.Research.Lake;

namespace Spx.Research.Consolidation;

/// <summary>
/// The training-data step: per option minute of <c>option_minutes</c> and per horizon h, the first bar of the same
/// contract starting h minutes later or more that day, and the return to its close (NULL when the day has no such
/// bar). Stored long in <c>option_forward_returns</c>, one partition replace per date (docs/consolidation.md).
/// </summary>
public static class ForwardReturns
{
    /// <summary>Writes the forward returns of every consolidated date in the range; one write result per date.</summary>
    /// <exception cref="InvalidDataException">An <c>option_minutes</c> file is damaged (the message names it); nothing was written.</exception>
    public static IReadOnlyList<LakeWriteResult> Run(LakeLayout lake, string underlying, DateOnly from, DateOnly to, IReadOnlyList<int> horizons)
    {
        if (horizons.Count == 0 || horizons.Any(h => h < 1)) throw new ArgumentException("horizons must be one or more whole minutes ≥ 1", nameof(horizons));
        var minutes = ConsolidationDatasets.OptionMinutes.Name;
        var target = ConsolidationDatasets.OptionForwardReturns;
        var days = lake.Partitions(minutes).Where(d => d >= from && d <= to)
            .Select(d => (Date: d, Files: ConsolidationInputs.Checked(lake, minutes, d), Stored: ConsolidationInputs.Checked(lake, target.Name, d)))
            .ToList();
        var registry = DatasetRegistry.Default.Contains(target.Name) ? DatasetRegistry.Default : DatasetRegistry.Default.Register(ConsolidationDatasets.All);
        using var writer = new LakeWriter(lake, registry);
        return days.Select(day => writer.ReplacePartition(target.Name, day.Date, LakeSource.FromSql(Rows(day.Files, day.Stored, underlying, horizons)))).ToList();
    }

    /// <summary>The forward-return rows of one date's <c>option_minutes</c> files plus the other underlyings' stored rows.</summary>
    public static string Rows(IReadOnlyList<string> minutes, IReadOnlyList<string> stored, string underlying, IReadOnlyList<int> horizons)
    {
        var source = $"SELECT ticker, underlying, ts, close FROM ({ConsolidationQueries.Read(minutes, ConsolidationDatasets.OptionMinutes)}) WHERE underlying = {SqlText.Literal(underlying)}";
        var fresh = string.Join(" UNION ALL ", horizons.Distinct().Order().Select(h => Horizon(source, h)));
        return stored.Count == 0
            ? fresh
            : $"SELECT * FROM ({ConsolidationQueries.Read(stored, ConsolidationDatasets.OptionForwardReturns)}) WHERE underlying <> {SqlText.Literal(underlying)} UNION ALL BY NAME ({fresh})";
    }

    private static string Horizon(string source, int minutes) => $"""
        SELECT ticker, underlying, ts, CAST({minutes} AS INTEGER) AS horizon_minutes, close, future_ts, future_close,
               future_close / nullif(close, 0) - 1 AS forward_return
        FROM (
            SELECT *,
                   first_value(ts) OVER ahead AS future_ts,
                   first_value(close) OVER ahead AS future_close
            FROM ({source})
            WINDOW ahead AS (PARTITION BY ticker ORDER BY ts RANGE BETWEEN INTERVAL {minutes} MINUTE FOLLOWING AND UNBOUNDED FOLLOWING)
        )
        """;
}
