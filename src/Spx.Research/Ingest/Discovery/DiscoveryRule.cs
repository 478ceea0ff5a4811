using System.Globalization;

namespace Spx.Research.Ingest.Discovery;

/// <summary>How a session's options are chosen: which expiry, and how far from the open (docs/ingest.md).</summary>
/// <param name="BandPercent">Half-width of the strike band around the opening price, in percent (1 = ±1 %).</param>
public sealed record DiscoveryRule(ExpiryChoice Expiry, double BandPercent)
{
    /// <summary>The issue's rule: 0DTE, ±1 %.</summary>
    public static DiscoveryRule Default { get; } = new(ExpiryChoice.ZeroDte, 1.0);

    /// <summary><c>0dte</c> or <c>1dte</c>, as the configuration writes it.</summary>
    /// <exception cref="FormatException">Any other text.</exception>
    public static ExpiryChoice ParseExpiry(string text) => text.ToLowerInvariant() switch
    {
        "0dte" => ExpiryChoice.ZeroDte,
        "1dte" => ExpiryChoice.OneDte,
        _ => throw new FormatException($"expiry '{text}' is not 0dte or 1dte"),
    };

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(Expiry == ExpiryChoice.ZeroDte ? "0dte" : "1dte")} ±{BandPercent}%");
}
