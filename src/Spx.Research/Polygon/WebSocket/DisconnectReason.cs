namespace Spx.Research.Polygon.WebSocket;

/// <summary>Why the server announced it is closing the connection (a status event sent before the close).</summary>
public enum DisconnectReason
{
    /// <summary><c>max_connections</c>: the account already holds its one connection for this cluster.</summary>
    MaxConnections,

    /// <summary><c>force_disconnect</c>: the server ended this connection (for example another session took it over).</summary>
    ForceDisconnect,

    /// <summary><c>slow_consumer</c>: we read too slowly and the server gave up buffering for us.</summary>
    SlowConsumer,
}
