namespace Spx.Research.Simulator.Generation;

/// <summary>
/// A request needs a session the lake does not hold yet: 503 while it is still being generated (a client's
/// retry will find it), 500 when generation failed (it never will). The message names the session.
/// </summary>
public sealed class SessionUnavailableException(int status, string message, Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>HTTP status to answer with: 503 (pending) or 500 (generation failed).</summary>
    public int Status { get; } = status;
}
