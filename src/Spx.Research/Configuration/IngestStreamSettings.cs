namespace Spx.Research.Configuration;

/// <summary>
/// What <c>spx ingest stream</c> subscribes to and how it writes (docs/streaming.md). The defaults follow the
/// API: one connection per cluster and key, so a cluster that needs more topics than one connection may carry
/// is refused at start rather than half recorded.
/// </summary>
public sealed record IngestStreamSettings
{
    /// <summary>Indices recorded per minute (<c>AM</c> on the indices cluster).</summary>
    public IReadOnlyList<string> Indices { get; init; } = ["I:SPX", "I:VIX"];

    /// <summary>Record per-second stock bars (<c>A</c>, the bulk of the traffic).</summary>
    public bool SecondBars { get; init; } = true;

    /// <summary>Buffered events are written at least this often (seconds).</summary>
    public int FlushSeconds { get; init; } = 10;

    /// <summary>…and as soon as this many are buffered, which bounds the memory a burst can take.</summary>
    public int FlushEvents { get; init; } = 20_000;

    /// <summary>Topics one connection carries at most.</summary>
    public int MaxSubscriptionsPerConnection { get; init; } = 1000;

    /// <summary>Connections per cluster and key: the API (and the simulator) allow one.</summary>
    public int MaxConnectionsPerCluster { get; init; } = 1;

    /// <summary>How often news is polled over REST during the session (there is no news stream).</summary>
    public TimeSpan NewsInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long before the open an event may start and still belong to the session; older events are late and
    /// go to <c>&lt;dataset&gt;_late</c>. 5h30m reaches back to 04:00 New York time, the start of pre-market.
    /// </summary>
    public TimeSpan LateGrace { get; init; } = TimeSpan.FromMinutes(330);

    /// <summary>How long after the stop time the stream waits for the bars of the last minute.</summary>
    public TimeSpan CloseDrain { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How often each source's heartbeat file is written.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A source silent this long gets a warning line.</summary>
    public TimeSpan SilenceWarning { get; init; } = TimeSpan.FromMinutes(15);
}
