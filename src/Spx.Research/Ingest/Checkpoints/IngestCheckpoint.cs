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
    private OverwriteRun? _overwrite;

    private IngestCheckpoint(string path, string job, SortedDictionary<string, CompletedUnit> units, OverwriteRun? overwrite) =>
        (Path, Job, _units, _overwrite) = (path, job, units, overwrite);

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
        if (!File.Exists(path)) return new IngestCheckpoint(path, job, new(StringComparer.Ordinal), null);
        try
        {
            var file = JsonSerializer.Deserialize<CheckpointFile>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path}: the checkpoint is empty (null)");
            if (file.Job != job) throw new InvalidDataException($"{path}: the checkpoint is of job '{file.Job}', expected '{job}'");
            return new IngestCheckpoint(path, job, new(file.Units ?? [], StringComparer.Ordinal), file.Overwrite);
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
    /// <param name="overwritten">True when an <c>--overwrite</c> run stored it: it is then also one of that run's units.</param>
    public void Complete(string unitKey, CompletedUnit unit, bool overwritten = false)
    {
        lock (_gate)
        {
            _units[unitKey] = unit;
            if (overwritten && _overwrite is { } run) _overwrite = run with { Units = [.. run.Units.Append(unitKey).Distinct().Order(StringComparer.Ordinal)] };
            Save();
        }
    }

    /// <summary>
    /// Starts an <c>--overwrite</c> run of <paramref name="scope"/> (range, tickers, sources, rule), or resumes the one a
    /// kill interrupted when it had the same scope: its units already overwritten are then not downloaded again.
    /// </summary>
    public void BeginOverwrite(string scope)
    {
        lock (_gate)
        {
            if (_overwrite?.Scope == scope) return;
            _overwrite = new OverwriteRun(scope, []);
            Save();
        }
    }

    /// <summary>Whether the current <c>--overwrite</c> run has already stored this unit.</summary>
    public bool Overwritten(string unitKey)
    {
        lock (_gate) return _overwrite is { } run && run.Units.Contains(unitKey, StringComparer.Ordinal);
    }

    /// <summary>Ends the <c>--overwrite</c> run (every unit stored): the next <c>--overwrite</c> downloads everything again.</summary>
    public void EndOverwrite()
    {
        lock (_gate)
        {
            if (_overwrite is null) return;
            _overwrite = null;
            Save();
        }
    }

    private void Save() => AtomicText.Write(Path, JsonSerializer.Serialize(new CheckpointFile(Job, 1, _units, _overwrite), Json));

    /// <summary>An unfinished <c>--overwrite</c> run: what it covers and the units it has stored.</summary>
    private sealed record OverwriteRun(string Scope, IReadOnlyList<string> Units);

    private sealed record CheckpointFile(string Job, int Version, SortedDictionary<string, CompletedUnit>? Units, OverwriteRun? Overwrite = null);
}
