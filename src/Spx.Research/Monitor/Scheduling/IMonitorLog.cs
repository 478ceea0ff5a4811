namespace Spx.Research.Monitor.Scheduling;

/// <summary>How bad a log line is.</summary>
public enum MonitorLogLevel
{
    /// <summary>Transitions, polls, what comes next.</summary>
    Info,

    /// <summary>A failed attempt that will be retried, a resume that skipped slots.</summary>
    Warning,

    /// <summary>A step given up after its last attempt.</summary>
    Error,
}

/// <summary>
/// Where the scheduler says what it does. Our own two-method abstraction rather than a logging framework:
/// the core stays free of one, and a test reads the lines back exactly.
/// </summary>
public interface IMonitorLog
{
    /// <summary>Writes one line stamped with <paramref name="instant"/> (the scheduler's clock, which may be a server's).</summary>
    void Write(DateTimeOffset instant, MonitorLogLevel level, string message);
}
