using Spx.Research.Monitor.Scheduling;

namespace Spx.Research.Tests.Monitor.Scheduling;

/// <summary>Keeps each log line as <see cref="MonitorLog"/> would write it.</summary>
internal sealed class RecordingLog : IMonitorLog
{
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get { lock (_gate) return [.. _lines]; }
    }

    public void Write(DateTimeOffset instant, MonitorLogLevel level, string message)
    {
        lock (_gate) _lines.Add(MonitorLog.Format(instant, level, message));
    }
}
