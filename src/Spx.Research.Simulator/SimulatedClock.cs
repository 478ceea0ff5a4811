namespace Spx.Research.Simulator;

/// <summary>
/// The simulator's notion of "now": starts at a chosen instant in the lake's history and advances at the
/// replay speed from the moment the server starts. At <see cref="ReplaySpeed.Max"/> it stands still for REST
/// (snapshots and market status answer as of the start) while WebSocket replays run through as fast as they can.
/// </summary>
public sealed class SimulatedClock(DateTimeOffset start, ReplaySpeed speed, TimeProvider? wall = null)
{
    private readonly TimeProvider _wall = wall ?? TimeProvider.System;
    private readonly long _wallStart = (wall ?? TimeProvider.System).GetTimestamp();

    /// <summary>The simulated instant at server start.</summary>
    public DateTimeOffset Start { get; } = start;

    /// <summary>The pace.</summary>
    public ReplaySpeed Speed { get; } = speed;

    /// <summary>The simulated instant now.</summary>
    public DateTimeOffset Now => Speed.IsMax ? Start : Start + _wall.GetElapsedTime(_wallStart) * Speed.Factor;

    /// <summary>New York date of <see cref="Now"/>: the session that "as of now" answers (snapshots, market status) read.</summary>
    public DateOnly NewYorkDate => Spx.Research.Market.NewYorkTime.LocalDate(Now);

    /// <summary>How long to wait on the wall clock until the simulated clock reaches <paramref name="instant"/>.</summary>
    public TimeSpan WallDelayUntil(DateTimeOffset instant) =>
        Speed.IsMax ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Max(0, (long)((instant - Now).Ticks / Speed.Factor)));
}
