namespace Spx.Research.Ingest.Streaming;

/// <summary>The stream cannot start as configured (too many topics, outside the session, a bad contract list); the message says why.</summary>
public sealed class StreamPlanException(string message) : Exception(message);
