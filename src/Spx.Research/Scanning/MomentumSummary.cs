namespace Spx.Research.Scanning;

/// <summary>
/// What a momentum scan found, in the terms (docs/scanner.md): contract-days, bars, events, events per
/// contract-day, minutes above, rate, duration and the trigger hours. Statistics of nothing are null.
/// </summary>
public sealed record MomentumSummary
{
    /// <summary>The scan these figures answer.</summary>
    public required MomentumScanOptions Options { get; init; }

    /// <summary>Option tickers × New York dates with at least one bar.</summary>
    public required long ContractDays { get; init; }

    /// <summary>Bars scanned.</summary>
    public required long Bars { get; init; }

    /// <summary>Maximal runs of consecutive above bars.</summary>
    public required long Events { get; init; }

    /// <summary>Events per contract-day, zero-event days included.</summary>
    public required Spread EventsPerContractDay { get; init; }

    /// <summary>Above bars (each a minute).</summary>
    public required long MinutesAbove { get; init; }

    /// <summary>Minutes above / bars; null with no bars.</summary>
    public double? Rate => Bars == 0 ? null : (double)MinutesAbove / Bars;

    /// <summary>Bars per event.</summary>
    public required DurationStats Duration { get; init; }

    /// <summary>Events by New York hour of the trigger, every hour the scanned bars span (zeros included), in hour order.</summary>
    public required IReadOnlyList<HourCount> HourDistribution { get; init; }

    /// <summary>Min, median and max of a count per contract-day.</summary>
    public sealed record Spread(long? Min, double? Median, long? Max);

    /// <summary>Median and mean event duration in bars.</summary>
    public sealed record DurationStats(double? Median, double? Mean);

    /// <summary>Events triggered in one New York clock hour (9 = 09:00–09:59).</summary>
    public sealed record HourCount(int Hour, long Events);
}
