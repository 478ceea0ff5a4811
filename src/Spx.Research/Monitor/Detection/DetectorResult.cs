using System.Globalization;
using Spx.Research.Market;

namespace Spx.Research.Monitor.Detection;

/// <summary>
/// What one evaluation of one poll found: how many contracts used each comparison source (so a day that
/// silently fell back to end-of-day rows shows), the alerts newly raised, and how many were already raised
/// earlier in the session and not repeated.
/// </summary>
/// <param name="PollTs">The poll evaluated (UTC).</param>
/// <param name="Session">Its NYSE session.</param>
/// <param name="Contracts">Contracts in the poll.</param>
/// <param name="Considered">Contracts that reached the volume and premium floors.</param>
/// <param name="SourceCounts">Contracts per comparison source, every source present (0 when unused).</param>
/// <param name="Raised">Alerts raised by this evaluation and stored.</param>
/// <param name="AlreadyRaised">Rule firings not raised again because the session already has that (ticker, rule) alert.</param>
public sealed record DetectorResult(
    DateTimeOffset PollTs,
    DateOnly Session,
    int Contracts,
    int Considered,
    IReadOnlyDictionary<ComparisonSource, int> SourceCounts,
    IReadOnlyList<HedgingAlert> Raised,
    int AlreadyRaised)
{
    /// <summary>
    /// The lines the CLI prints: the poll and its source counts, then one line per new alert.
    /// </summary>
    public IReadOnlyList<string> Summary()
    {
        var local = NewYorkTime.ToLocal(PollTs);
        var sources = string.Join(", ", ComparisonSources.All.Select(s => $"{s.Name()} {SourceCounts[s]}"));
        var lines = new List<string>
        {
            $"poll {local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} ET: {Contracts} contracts, {Considered} above the floors; comparison: {sources}",
            $"alerts: {Raised.Count} new, {AlreadyRaised} already raised this session",
        };
        lines.AddRange(Raised.Select(a => "alert " + a.Message));
        return lines;
    }
}
