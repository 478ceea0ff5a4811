using System.Globalization;
using System.Text.Json;

namespace Spx.Research.Ingest.Streaming;

/// <summary>
/// What a stream has stored so far, saved after every flush and at the stop (atomically) in
/// <c>LAKE/_state/stream/checkpoint.json</c>: the session, when, and per source the totals and the newest event
/// written. The lake itself is the record of what is stored (appends skip keys already there), so a restart
/// needs the checkpoint only to continue today's counts — and an operator reads it to see where a stream stopped.
/// </summary>
public sealed record StreamCheckpoint(string Session, DateTimeOffset SavedAt, bool Stopped, IReadOnlyList<SourceSnapshot> Sources)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    /// <summary>Saves the checkpoint for the lake at <paramref name="lakeRoot"/>.</summary>
    public void Save(string lakeRoot) => AtomicText.Write(StreamState.CheckpointFile(lakeRoot), JsonSerializer.Serialize(this, Json));

    /// <summary>The checkpoint of <paramref name="session"/>, or null when there is none for it (or it cannot be read: then a warning says so).</summary>
    public static StreamCheckpoint? Load(string lakeRoot, DateOnly session, Action<string> log)
    {
        var path = StreamState.CheckpointFile(lakeRoot);
        if (!File.Exists(path)) return null;
        try
        {
            var checkpoint = JsonSerializer.Deserialize<StreamCheckpoint>(File.ReadAllText(path), Json);
            return checkpoint?.Session == session.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ? checkpoint : null;
        }
        catch (JsonException e)
        {
            log($"warning: {path}: not a readable checkpoint ({e.Message}); today's counts start from zero");
            return null;
        }
    }
}
