using System.Text.Json;
using System.Text.Json.Serialization;
using Spx.Research.Lake;

namespace Spx.Research.Ingest.Checkpoints;

/// <summary>
/// The units of one backfill job already stored: <c>LAKE/_state/ingest/&lt;job&gt;.json</c>, rewritten whole
/// (temp file, then rename) after each unit, so a kill leaves the previous or the next version, never half of
/// one. A unit counts as done only while every file it names is still in its partition and holds its content
/// hash (<see cref="IsIntact"/>); otherwise it is downloaded again (docs/ingest.md, "Checkpoint").
/// </summary>
public sealed class IngestCheckpoint
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, CompletedUnit> _units;

    private IngestCheckpoint(string path, string job, SortedDictionary<string, CompletedUnit> units) => (Path, Job, _units) = (path, job, units);

    /// <summary>The checkpoint file.</summary>
    public string Path { get; }

    /// <summary>The job's name (the file's name without <c>.json</c>).</summary>
    public string Job { get; }

    /// <summary>Units recorded so far.</summary>
    public int Count { get { lock (_gate) return _units.Count; } }

    /// <summary>Where a job's checkpoint lives in a lake.</summary>
    public static string PathOf(LakeLayout lake, string job) => System.IO.Path.Combine(lake.Root, "_state", "ingest", job + ".json");

    /// <summary>Reads a job's checkpoint; an absent file is an empty one.</summary>
    /// <exception cref="InvalidDataException">The file is not a checkpoint (names the file and what was found).</exception>
    public static IngestCheckpoint Open(LakeLayout lake, string job)
    {
        var path = PathOf(lake, job);
        if (!File.Exists(path)) return new IngestCheckpoint(path, job, new(StringComparer.Ordinal));
        try
        {
            var file = JsonSerializer.Deserialize<CheckpointFile>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path}: the checkpoint is empty (null)");
            if (file.Job != job) throw new InvalidDataException($"{path}: the checkpoint is of job '{file.Job}', expected '{job}'");
            return new IngestCheckpoint(path, job, new(file.Units ?? [], StringComparer.Ordinal));
        }
        catch (JsonException bad)
        {
            throw new InvalidDataException($"{path}: not a checkpoint ({bad.Message}); delete it to start the job afresh", bad);
        }
    }

    /// <summary>The recorded unit, or null.</summary>
    public CompletedUnit? Find(string unitKey)
    {
        lock (_gate) return _units.GetValueOrDefault(unitKey);
    }

    /// <summary>Whether every file of <paramref name="unit"/> is in its partition now, with the bytes its name was made from.</summary>
    public static bool IsIntact(LakeLayout lake, CompletedUnit unit) =>
        unit.Files is { } files && files.All(relative =>
        {
            var path = System.IO.Path.Combine(lake.Root, relative);
            return File.Exists(path) && AtomicFile.HoldsItsContent(path);
        });

    /// <summary>Records a stored unit and rewrites the file atomically.</summary>
    public void Complete(string unitKey, CompletedUnit unit)
    {
        lock (_gate)
        {
            _units[unitKey] = unit;
            AtomicText.Write(Path, JsonSerializer.Serialize(new CheckpointFile(Job, 1, _units), Json));
        }
    }

    /// <summary>Forgets a unit (<c>--overwrite</c> downloads it again).</summary>
    public void Forget(string unitKey)
    {
        lock (_gate) _units.Remove(unitKey);
    }

    private sealed record CheckpointFile(string Job, int Version, SortedDictionary<string, CompletedUnit>? Units);
}
