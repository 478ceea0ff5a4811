using Spx.Research.Configuration;

namespace Spx.Research.Dashboard.Health;

/// <summary>
/// Whether the monitor is keeping up, judged from the newest poll in the lake: while the market is open it
/// should poll every <see cref="MonitorSettings.PollInterval"/> from the open plus the data delay, and one
/// missed poll is tolerated (a retried poll can take minutes). Outside the session nothing is expected.
/// </summary>
/// <param name="Status"><c>ok</c>; <c>late</c> (open, and the newest poll is older than two intervals);
/// <c>waiting</c> (open, the first poll is not due yet); <c>idle</c> (market not open); <c>no_data</c> (no polls at all).</param>
/// <param name="Lag">Now minus the newest poll, null without polls.</param>
internal sealed record MonitorHealth(string Status, TimeSpan? Lag)
{
    /// <summary>The monitor's health at <paramref name="now"/>, with its newest poll at <paramref name="lastPoll"/>.</summary>
    public static MonitorHealth Judge(DateTimeOffset now, DateTimeOffset? lastPoll, MarketState market, MonitorSettings settings)
    {
        var lag = now - lastPoll;
        if (lastPoll is null) return new MonitorHealth("no_data", null);
        if (market is not { State: "open", Session: { } session }) return new MonitorHealth("idle", lag);
        // The first poll is at the open plus the delay; give it one interval to land before calling it late.
        if (now < session.Open + settings.DataDelay + settings.PollInterval && lastPoll < session.Open) return new MonitorHealth("waiting", lag);
        return new MonitorHealth(lag > 2 * settings.PollInterval ? "late" : "ok", lag);
    }
}
