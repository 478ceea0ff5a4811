using Spx.Research.Configuration;
using Spx.Research.Lake;
using Spx.Research.Monitor.Detection;
using Spx.Research.Monitor.Polling;
using Spx.Research.Notifications;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Monitor;

/// <summary>
/// One poll of the monitor as every caller runs it (<c>spx monitor poll</c>, the scheduler, a notebook):
/// poll into the lake, evaluate the stored poll, then notify what was newly raised. Alerts are stored
/// before anything is sent, so a failed or slow target never loses one.
/// </summary>
public sealed class MonitorCycle(PolygonRestClient client, LakeLayout lake, SpxSettings settings, TimeProvider clock, Notifier? notifier = null)
{
    /// <summary>Polls once at the clock's minute: one lake writer for the poll and the alerts, one session for the detector's reads.</summary>
    public async Task<MonitorCycleResult> RunAsync(CancellationToken cancellationToken = default)
    {
        using var writer = new LakeWriter(lake, MonitorRegistry.With());
        var poll = await new MonitorPoll(client, lake, settings.Monitor, clock).RunAsync(writer, cancellationToken);
        if (poll.Skipped is not null) return new MonitorCycleResult(poll, null, []);

        var detection = new HedgingDetector(lake, settings.Detector).Evaluate(poll.PollTs, writer);
        var sent = notifier is null || detection.Raised.Count == 0
            ? []
            : await notifier.SendAsync(detection.Raised.Select(AlertNotification.From), cancellationToken);
        return new MonitorCycleResult(poll, detection, sent);
    }
}

/// <summary>What one <see cref="MonitorCycle"/> did.</summary>
/// <param name="Poll">The poll; <see cref="PollResult.Skipped"/> says why nothing was polled.</param>
/// <param name="Detection">The evaluation of the stored poll; null when nothing was polled.</param>
/// <param name="Notified">One outcome per alert and target sent to.</param>
public sealed record MonitorCycleResult(PollResult Poll, DetectorResult? Detection, IReadOnlyList<NotificationOutcome> Notified);
