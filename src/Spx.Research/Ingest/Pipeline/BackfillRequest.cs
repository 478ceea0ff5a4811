using System.Globalization;
using Spx.Research.Ingest.Discovery;
using Spx.Research.Ingest.Quality;
using Spx.Research.Ingest.Units;

namespace Spx.Research.Ingest.Pipeline;

/// <summary>What one backfill downloads: a date range, tickers, sources, and how.</summary>
/// <param name="Overwrite">Download every unit again and replace its rows in place (history correction), ignoring the checkpoint.</param>
/// <param name="Parallelism">Requests in flight at once, all tickers and days together.</param>
/// <param name="DiscoveryWindowDays">Calendar days of expiries the stored listing covers after each session.</param>
public sealed record BackfillRequest(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<string> Tickers,
    IReadOnlySet<IngestSource> Sources,
    DiscoveryRule Rule,
    bool Overwrite = false,
    int Parallelism = 4,
    int DiscoveryWindowDays = 7,
    string? Job = null)
{
    /// <summary>Warning limits and window of the per-source metrics (<c>ingest.quality</c>); null: the defaults.</summary>
    public MetricThresholds? Thresholds { get; init; }

    /// <summary>The checkpoint's name: <see cref="Job"/>, else <c>backfill-SPY-QQQ</c>, so the same command finds its checkpoint again.</summary>
    public string JobName => Job ?? "backfill-" + string.Join("-", Tickers.Select(t => t.Replace(':', '_')));

    /// <summary>What an <c>--overwrite</c> run covers; a rerun with the same scope resumes it (docs/ingest.md, "Checkpoint").</summary>
    public string Scope => string.Create(CultureInfo.InvariantCulture,
        $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd} {string.Join(",", Tickers)} {string.Join(",", Sources.Order().Select(IngestSources.Name))} {Rule}");
}
