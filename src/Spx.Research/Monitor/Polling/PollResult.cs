using Spx.Research.Lake;
using Spx.Research.Market;

namespace Spx.Research.Monitor.Polling;

/// <summary>What one poll did: enough for the CLI summary, the scheduler's log and the detector that runs after it.</summary>
/// <param name="PollTs">The poll instant (the clock truncated to the minute).</param>
/// <param name="Session">The NYSE session polled (the New York date of <paramref name="PollTs"/>).</param>
/// <param name="Skipped">Why nothing was polled (not a trading session), or null when the poll ran.</param>
/// <param name="Spot">The <c>I:SPX</c> level, or null when skipped.</param>
/// <param name="Rows">The rows of this poll (also those already stored by an earlier run of the same instant).</param>
/// <param name="Corrections">Contracts whose day volume went down since their previous poll (stored with delta 0).</param>
/// <param name="ChainItems">Items the chain snapshot returned for the window.</param>
/// <param name="Unreadable">Chain items without a readable ticker, left out.</param>
/// <param name="Write">The append to <c>monitor_polls</c>, or null when skipped.</param>
/// <param name="Elapsed">From the first request to the published partition.</param>
public sealed record PollResult(
    DateTimeOffset PollTs,
    DateOnly Session,
    string? Skipped,
    double? Spot,
    IReadOnlyList<PollRow> Rows,
    IReadOnlyList<VolumeCorrection> Corrections,
    int ChainItems,
    int Unreadable,
    LakeWriteResult? Write,
    TimeSpan Elapsed)
{
    /// <summary>Contracts polled.</summary>
    public int Contracts => Rows.Count;

    /// <summary>Distinct expirations among the contracts.</summary>
    public int Expirations => Rows.Select(r => r.Contract.Ticker.Expiry).Distinct().Count();

    /// <summary>Rows this poll added (0 when the same instant was stored already).</summary>
    public long RowsWritten => Write?.NewRows ?? 0;

    /// <summary>Contracts per root (SPX monthlies AM-settled, SPXW PM-settled), by root name.</summary>
    public IReadOnlyList<(string Root, SettlementTiming Settlement, int Contracts)> ByRoot =>
        Rows.GroupBy(r => r.Contract.Ticker.Root, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, OptionStyle.ForRoot(g.Key).Timing, g.Count()))
            .ToArray();

    /// <summary>A poll that did not run because <paramref name="session"/> is not a trading session.</summary>
    public static PollResult NotASession(DateTimeOffset pollTs, DateOnly session, string reason, TimeSpan elapsed) =>
        new(pollTs, session, reason, null, [], [], 0, 0, null, elapsed);
}
