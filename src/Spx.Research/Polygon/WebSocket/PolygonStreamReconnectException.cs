namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// The connection dropped and every reconnect attempt the policy allows failed. Ends the event stream;
/// <see cref="Exception.InnerException"/> is the last attempt's failure.
/// </summary>
public sealed class PolygonStreamReconnectException : PolygonStreamException
{
    /// <summary>Creates the exception.</summary>
    public PolygonStreamReconnectException(int attempts, string cause, Exception? lastFailure)
        : base($"the WebSocket connection was lost ({cause}) and {attempts} reconnect attempt(s) failed", lastFailure)
    {
        Attempts = attempts;
    }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; }
}
