namespace Spx.Research.Simulator.Faults;

/// <summary>
/// The faults the simulator can inject, by the name used in a <see cref="FaultPlan"/> file and in the
/// <c>X-Sim-Fault</c> header. Each reproduces a failure seen from the real API or the network (see
/// docs/polygon-api.md), so client resilience is tested against the real client code path.
/// </summary>
public static class FaultNames
{
    /// <summary>429 with <c>Retry-After</c> (param <c>retry_after</c>, seconds, default 1).</summary>
    public const string RateLimit = "rate_limit";
    /// <summary>5xx (param <c>status</c>, default 503).</summary>
    public const string ServerError = "server_error";
    /// <summary>Answer normally after a delay (param <c>delay</c>, ms, default 1500).</summary>
    public const string Slow = "slow";
    /// <summary>Hold the request (param <c>delay</c>, ms, default 100000) until the client gives up.</summary>
    public const string Timeout = "timeout";
    /// <summary>Body cut in half.</summary>
    public const string Truncated = "truncated";
    /// <summary>Body that is not JSON (a doubled comma).</summary>
    public const string Malformed = "malformed";
    /// <summary>Every result item gains an unknown field.</summary>
    public const string DriftAdded = "drift_added";
    /// <summary>Every result item loses its last field.</summary>
    public const string DriftRemoved = "drift_removed";
    /// <summary>Every result item's first numeric field becomes a string.</summary>
    public const string DriftRetyped = "drift_retyped";
    /// <summary><c>next_url</c> points back at the current (or first) cursor, forever.</summary>
    public const string CursorLoop = "cursor_loop";
    /// <summary><c>next_url</c> with the port twice (<c>127.0.0.1:PORT:PORT</c>).</summary>
    public const string DoubledPort = "doubled_port";
    /// <summary><c>next_url</c> on another host (<c>api.polygon.invalid</c>).</summary>
    public const string ForeignHost = "foreign_host";
    /// <summary>401 even with the right key (REST), or <c>auth_failed</c> (WebSocket).</summary>
    public const string AuthFailure = "auth_failure";
    /// <summary>403 <c>NOT_AUTHORIZED</c>: a valid key whose plan does not include the data (body has <c>message</c>, not <c>error</c>).</summary>
    public const string NotEntitled = "not_entitled";
    /// <summary>WebSocket: send part of a data frame, then abort the connection (param <c>after</c>, frames, default 3).</summary>
    public const string WsDrop = "ws_drop";
    /// <summary>WebSocket: repeat an event inside its frame.</summary>
    public const string WsDuplicate = "ws_duplicate";
    /// <summary>WebSocket: send a frame after the one that follows it.</summary>
    public const string WsOutOfOrder = "ws_out_of_order";
    /// <summary>WebSocket: <c>force_disconnect</c> status then close (param <c>after</c>, frames, default 3).</summary>
    public const string WsForceDisconnect = "ws_force_disconnect";
    /// <summary>WebSocket: <c>slow_consumer</c> status then close (param <c>after</c>, frames, default 3).</summary>
    public const string WsSlowConsumer = "ws_slow_consumer";
    /// <summary>WebSocket: <c>max_connections</c> status instead of <c>auth_success</c>, then close (as for a real second connection).</summary>
    public const string WsMaxConnections = "ws_max_connections";

    /// <summary>Every name, for validation.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        RateLimit, ServerError, Slow, Timeout, Truncated, Malformed, DriftAdded, DriftRemoved, DriftRetyped,
        CursorLoop, DoubledPort, ForeignHost, AuthFailure, NotEntitled,
        WsDrop, WsDuplicate, WsOutOfOrder, WsForceDisconnect, WsSlowConsumer, WsMaxConnections,
    };
}
