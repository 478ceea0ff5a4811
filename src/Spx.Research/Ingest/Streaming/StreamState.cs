using Spx.Research.Notifications;

namespace Spx.Research.Ingest.Streaming;

/// <summary>Where the stream keeps its bookkeeping: <c>LAKE/_state/stream/</c> (heartbeats and the checkpoint), beside the lake's datasets.</summary>
public static class StreamState
{
    /// <summary>The folder for the lake at <paramref name="lakeRoot"/>.</summary>
    public static string Folder(string lakeRoot) => Path.Combine(lakeRoot, NotificationState.StateFolder, "stream");

    /// <summary>A source's heartbeat file, e.g. <c>stock_bars_1s.json</c>.</summary>
    public static string HeartbeatFile(string lakeRoot, StreamSource source) => Path.Combine(Folder(lakeRoot), source.Dataset + ".json");

    /// <summary>The checkpoint file.</summary>
    public static string CheckpointFile(string lakeRoot) => Path.Combine(Folder(lakeRoot), "checkpoint.json");
}
