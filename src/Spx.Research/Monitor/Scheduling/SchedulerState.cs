namespace Spx.Research.Monitor.Scheduling;

/// <summary>
/// Where the scheduler is in the market's day. Each change is logged, so a user reading the log (or the
/// terminal) sees why the monitor is idle. See docs/monitor-scheduling.md for the diagram.
/// </summary>
public enum SchedulerState
{
    /// <summary>Started, reading what is already stored for resume.</summary>
    Initializing,

    /// <summary>A session day before the 09:30 open.</summary>
    WaitingForOpen,

    /// <summary>Regular hours (and the poll that lands on the close): polling.</summary>
    MarketOpen,

    /// <summary>After the close, before end of day.</summary>
    EndOfDayPending,

    /// <summary>End of day is running.</summary>
    EndOfDayRunning,

    /// <summary>A session day after its end of day.</summary>
    MarketClosed,

    /// <summary>Saturday or Sunday.</summary>
    Weekend,

    /// <summary>A weekday the NYSE is closed.</summary>
    Holiday,
}

/// <summary>Names of the states as the log shows them.</summary>
public static class SchedulerStateNames
{
    /// <summary>Lower-case words, e.g. <c>waiting for open</c>.</summary>
    public static string Text(this SchedulerState state) => state switch
    {
        SchedulerState.Initializing => "initializing",
        SchedulerState.WaitingForOpen => "waiting for open",
        SchedulerState.MarketOpen => "market open",
        SchedulerState.EndOfDayPending => "end-of-day pending",
        SchedulerState.EndOfDayRunning => "end-of-day running",
        SchedulerState.MarketClosed => "market closed",
        SchedulerState.Weekend => "weekend",
        SchedulerState.Holiday => "holiday",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown scheduler state."),
    };
}
