namespace Spx.Research.Configuration;

/// <summary>The momentum scanner's defaults (docs/scanner.md); <c>spx scan momentum</c> flags override them.</summary>
public sealed record ScannerSettings
{
    /// <summary>Whose options are scanned.</summary>
    public string Underlying { get; init; } = "SPY";

    /// <summary>A bar is "above" when its close is at least this fraction over the contract-day's first open (0.2 = 20 %).</summary>
    public double MomentumThreshold { get; init; } = 0.20;
}
