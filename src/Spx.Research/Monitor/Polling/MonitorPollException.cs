namespace Spx.Research.Monitor.Polling;

/// <summary>A poll that cannot be completed (no spot, a chain without the window); the message is one line naming what was found.</summary>
public sealed class MonitorPollException(string message, Exception? inner = null) : Exception(message, inner);
