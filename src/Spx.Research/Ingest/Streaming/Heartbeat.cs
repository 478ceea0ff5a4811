using System.Text.Json;
using System.Text.Json.Serialization;

namespace Spx.Research.Ingest.Streaming;

/// <summary>
/// The content of one heartbeat file (docs/streaming.md, "Heartbeat"): when it was written, the source's counts
/// in the window since the previous heartbeat and today, its last message, its connection and the process's memory.
/// </summary>
public sealed record Heartbeat(
    string Source,
    string Session,
    [property: JsonPropertyName("heartbeat")] DateTimeOffset WrittenAt,
    double WindowSeconds,
    long MessagesInWindow,
    long TotalToday,
    long Late,
    long RowsWritten,
    DateTimeOffset? LastMessage,
    DateTimeOffset? LastEvent,
    string Connection,
    int Buffered,
    MemoryReading Memory)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The file's text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a heartbeat file's text back.</summary>
    public static Heartbeat? Parse(string json) => JsonSerializer.Deserialize<Heartbeat>(json, Json);
}
