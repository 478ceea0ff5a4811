using System.Text.Json;
using Spx.Research.Configuration;
using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Monitor;
using Spx.Research.Notifications;
using Spx.Research.Testing;

namespace Spx.Research.EndToEnd.Tests;

/// <summary>
/// One monitor cycle as <c>spx monitor poll</c> and the scheduler run it, against the simulator: the poll is
/// stored, evaluated, its alerts stored, and each new alert reaches a webhook receiver on loopback once.
/// </summary>
public sealed class MonitorCycleTests : IDisposable
{
    private static readonly DateOnly Day = new(2025, 3, 3);
    private readonly string _lake = Directory.CreateTempSubdirectory("spx-e2e-cycle-").FullName;

    public void Dispose() => Directory.Delete(_lake, recursive: true);

    [Fact]
    public async Task Alerts_are_stored_then_sent_once_each_and_a_repeated_poll_sends_nothing()
    {
        await using var receiver = new Receiver();
        var settings = new SpxSettings
        {
            Notifications = new NotificationSettings { Targets = [new NotificationTarget("webhook", "desk") { Url = new Uri(receiver.BaseUri, "/hook") }] },
        };

        var first = await CycleAt(new TimeOnly(10, 30), settings);
        var repeat = await CycleAt(new TimeOnly(10, 30), settings);

        var detection = Assert.IsType<Monitor.Detection.DetectorResult>(first.Detection);
        Assert.Equal(first.Poll.Contracts, detection.Contracts);
        Assert.NotEmpty(detection.Raised);
        using var lake = LakeSession.Open(_lake);
        Assert.Equal(detection.Raised.Count, lake.Scalar<long>("SELECT count(*) FROM alerts"));
        Assert.Equal(
            detection.Raised.Select(a => $"2025-03-03|{a.Ticker}|{a.Rule}").Order(),
            receiver.Seen.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("key").GetString()!).Order());
        Assert.All(first.Notified, n => Assert.Equal(NotificationStatus.Sent, n.Status));

        Assert.Empty(Assert.IsType<Monitor.Detection.DetectorResult>(repeat.Detection).Raised);
        Assert.Empty(repeat.Notified);
        Assert.Equal(detection.Raised.Count, receiver.Seen.Count);
        Assert.All(receiver.Seen, r => Assert.Equal(("POST", "/hook"), (r.Method, r.PathAndQuery)));
    }

    private async Task<MonitorCycleResult> CycleAt(TimeOnly time, SpxSettings settings)
    {
        var instant = NewYorkTime.ToUtc(Day, time);
        var (simulator, baseUri) = await Loopback.Start(clock: instant);
        await using var _ = simulator;
        using var client = Loopback.Client(baseUri);
        using var notifier = new Notifier(settings.Notifications, new NotifierOptions { StateFile = NotificationState.PathInLake(_lake) });
        return await new MonitorCycle(client, new LakeLayout(_lake), settings, new FixedClock(instant), notifier).RunAsync();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
