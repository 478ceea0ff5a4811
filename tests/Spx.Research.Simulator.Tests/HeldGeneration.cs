using Spx.Research.Synthetic;

namespace Spx.Research.Simulator.Tests;

/// <summary>
/// A synthetic source whose background generation is held after its first session until the test lets it go,
/// so "serving while later sessions are pending" is a fact of the test, not a race. The hold gives way on dispose.
/// </summary>
internal sealed class HeldGeneration : IDisposable
{
    private readonly SemaphoreSlim _release = new(0);

    private HeldGeneration(Action<Exception>? failed, Func<DateOnly, bool>? failAfter)
    {
        Source = SyntheticSource.Start(OnTheFly.Seed, OnTheFly.From, OnTheFly.To, progress: null, failed, (date, token) =>
        {
            if (failAfter?.Invoke(date) == true) throw new InvalidOperationException($"simulated writer failure after {date:yyyy-MM-dd}");
            if (date == OnTheFly.From) _release.Wait(token);
        });
    }

    public SyntheticSource Source { get; }

    /// <summary>Starts generating <see cref="OnTheFly.From"/>..<see cref="OnTheFly.To"/>, held after the first session.</summary>
    public static HeldGeneration Start() => new(null, null);

    /// <summary>Starts a generation whose writer fails right after the first session.</summary>
    public static HeldGeneration FailingAfterFirst(Action<Exception> failed) => new(failed, date => date == OnTheFly.From);

    /// <summary>Lets generation run to the end.</summary>
    public void Release() => _release.Release();

    /// <summary>Releases generation as soon as a request starts waiting for a session: proof the request did wait.</summary>
    public void ReleaseWhenSomeoneWaits(Action<DateOnly>? waited = null) => Source.Frontier.Waiting += session =>
    {
        waited?.Invoke(session);
        Release();
    };

    /// <summary>A simulator over the growing lake, clock frozen (speed max) at 10:00 on the first session unless given.</summary>
    public PolygonSimulator Simulator(DateTimeOffset? clock = null, TimeSpan? replayFor = null, TimeSpan? sessionWait = null) => new(new SimulatorOptions
    {
        LakeRoot = Source.Root,
        Frontier = Source.Frontier,
        Speed = ReplaySpeed.Max,
        ClockStart = clock,
        ReplayFor = replayFor,
        SessionWait = sessionWait ?? TimeSpan.FromSeconds(60),
    });

    public void Dispose()
    {
        Source.Dispose();
        _release.Dispose();
    }
}
