using Spx.Research.Configuration;
using Spx.Research.Ingest.Quality;
using Spx.Research.Market;
using Spx.Research.Polygon;
using Spx.Research.Polygon.Rest;
using Spx.Research.Polygon.WebSocket;

namespace Spx.Research.Ingest.Streaming;

/// <summary>Everything one <see cref="StreamRecorder"/> run needs; the CLI builds it from flags and the configuration.</summary>
public sealed record StreamRecorderOptions
{
    /// <summary>What to subscribe to and how to write (<c>ingest.stream</c>).</summary>
    public IngestStreamSettings Settings { get; init; } = new();

    /// <summary>Stocks and ETFs recorded per second (<c>A</c>) and per minute (<c>AM</c>): <c>ingest.tickers</c>, as the backfill's.</summary>
    public IReadOnlyList<string> Tickers { get; init; } = ["SPY"];

    /// <summary>The lake written to.</summary>
    public required string LakeRoot { get; init; }

    /// <summary>The key, sent only in the WebSocket auth message (and by <see cref="NewsClient"/> as a header).</summary>
    public required ApiKey ApiKey { get; init; }

    /// <summary>The WebSocket base (see <see cref="StreamEndpoint"/>).</summary>
    public required Uri StreamBase { get; init; }

    /// <summary>The REST client news is polled with; null records no news.</summary>
    public PolygonRestClient? NewsClient { get; init; }

    /// <summary>The day's option contracts (see <see cref="ContractList"/>).</summary>
    public IReadOnlyList<string> Contracts { get; init; } = [];

    /// <summary>A New York time to stop at instead of the close.</summary>
    public TimeOnly? Until { get; init; }

    /// <summary>Record even outside the session.</summary>
    public bool OutsideHours { get; init; }

    /// <summary>The market's clock: which session, when to stop, when an event arrived (a server's clock for a replay).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The process's clock: flush, heartbeat, news and reconnect timing.</summary>
    public TimeProvider Wall { get; init; } = TimeProvider.System;

    /// <summary>How the WebSocket client reconnects.</summary>
    public StreamReconnectPolicy Reconnect { get; init; } = StreamReconnectPolicy.Default;

    /// <summary>The calendar of sessions, early closes and holidays.</summary>
    public NyseCalendar Calendar { get; init; } = NyseCalendar.Default;

    /// <summary>Per-dataset commit figures for a job record; null keeps none.</summary>
    public SourceMetricsSet? Metrics { get; init; }

    /// <summary>Where progress and warning lines go (one line each, key-free).</summary>
    public Action<string> Log { get; init; } = _ => { };
}
