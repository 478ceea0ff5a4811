using System.Globalization;

namespace Spx.Research.Scanning;

/// <summary>What a momentum scan looks at: one underlying's options, a threshold, and optionally a range of New York dates.</summary>
/// <param name="Underlying">The options' underlying as stored in <c>option_bars_1m.underlying</c>, e.g. <c>SPY</c>.</param>
/// <param name="Threshold">A bar is "above" when its close ≥ reference × (1 + threshold); 0.2 is 20 %.</param>
/// <param name="From">First date scanned (inclusive); null scans from the lake's first date.</param>
/// <param name="To">Last date scanned (inclusive); null scans to the lake's last date.</param>
public sealed record MomentumScanOptions(string Underlying = "SPY", double Threshold = 0.20, DateOnly? From = null, DateOnly? To = null)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the value when the options cannot describe a scan.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Underlying))
            throw new ArgumentException("momentum scan: the underlying is empty: expected a ticker such as SPY", nameof(Underlying));
        if (!double.IsFinite(Threshold) || Threshold <= 0)
            throw new ArgumentException($"momentum scan: threshold {Threshold.ToString("R", CultureInfo.InvariantCulture)} is not a positive fraction: expected e.g. 0.2 for 20 %", nameof(Threshold));
        if (From > To)
            throw new ArgumentException($"momentum scan: the range {From:yyyy-MM-dd}..{To:yyyy-MM-dd} is reversed", nameof(From));
    }

    /// <summary>Whether <paramref name="date"/> is in the range (an open end covers every date on its side).</summary>
    public bool Covers(DateOnly date) => !(date < From) && !(date > To);

    /// <summary>The range as people read it: <c>2025-03-03..2025-03-14</c>, with <c>…</c> for an open end.</summary>
    public string RangeText() => $"{Day(From)}..{Day(To)}";

    private static string Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…";
}
