using System.Text.Json;
using System.Text.Json.Serialization;

namespace Spx.Research.Notifications;

/// <summary>
/// What the notifier remembers between calls and restarts: which keys each target already got (so a key is never
/// sent twice) and what is held during quiet hours. Kept in memory and, when a file is given, rewritten whole after
/// every change (temp file + rename, so a crash leaves the old or the new file). A damaged file is set aside with a
/// one-line note and the notifier starts empty: a repeated message is better than a monitor that stops.
/// </summary>
public sealed class NotificationState
{
    /// <summary>The folder of small bookkeeping files in a lake (not a dataset: lake tools skip <c>_</c> folders).</summary>
    public const string StateFolder = "_state";

    /// <summary>The state file's name in <see cref="StateFolder"/>.</summary>
    public const string FileName = "notifications.json";

    private readonly object _gate = new();
    private readonly string? _path;
    private readonly Dictionary<(string Target, string Key), DateTimeOffset> _sent = [];
    private readonly List<Notification> _held = [];

    private NotificationState(string? path) => _path = path;

    /// <summary><c>LAKE/_state/notifications.json</c>.</summary>
    public static string PathInLake(string lakeRoot) => Path.Combine(lakeRoot, StateFolder, FileName);

    /// <summary>State in memory only: forgotten when the process ends.</summary>
    public static NotificationState InMemory() => new(null);

    /// <summary>
    /// Loads the file (missing: empty). A file that cannot be read as state is moved to <c>&lt;name&gt;.damaged-&lt;time&gt;</c>,
    /// reported through <paramref name="log"/> in one line, and replaced by an empty state.
    /// </summary>
    public static NotificationState Load(string path, TimeProvider time, Action<string>? log)
    {
        var state = new NotificationState(Path.GetFullPath(path));
        if (!File.Exists(path)) return state;
        StateFile? file;
        try
        {
            file = JsonSerializer.Deserialize(File.ReadAllText(path), NotificationStateJson.Default.StateFile)
                ?? throw new JsonException("the file holds JSON null");
            file.Check();
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
            var aside = $"{path}.damaged-{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}";
            File.Move(path, aside, overwrite: true);
            log?.Invoke($"notify: state file {path} is not valid ({e.Message.Split('\n')[0]}); moved to {aside}, starting empty, so keys sent before may be sent again.");
            return state;
        }

        foreach (var entry in file.Sent) state._sent[(entry.Target, entry.Key)] = entry.At;
        state._held.AddRange(file.Held);
        return state;
    }

    /// <summary>Whether <paramref name="target"/> already got <paramref name="key"/>.</summary>
    public bool WasSent(string target, string key)
    {
        lock (_gate) return _sent.ContainsKey((target, key));
    }

    /// <summary>Notes a delivery and saves at once, so a crash right after cannot cause a repeat.</summary>
    public void MarkSent(string target, string key, DateTimeOffset at)
    {
        lock (_gate)
        {
            _sent[(target, key)] = at;
            SaveLocked();
        }
    }

    /// <summary>The notifications held during quiet hours, oldest first.</summary>
    public IReadOnlyList<Notification> Held
    {
        get { lock (_gate) return _held.ToArray(); }
    }

    /// <summary>Holds notifications whose keys are not held already; returns those newly held.</summary>
    public IReadOnlyList<Notification> Hold(IEnumerable<Notification> notifications)
    {
        lock (_gate)
        {
            var added = notifications.Where(n => _held.All(h => h.Key != n.Key)).ToArray();
            _held.AddRange(added);
            SaveLocked();
            return added;
        }
    }

    /// <summary>Takes every held notification out (they are about to be sent or dropped) and saves.</summary>
    public IReadOnlyList<Notification> TakeHeld()
    {
        lock (_gate)
        {
            var taken = _held.ToArray();
            _held.Clear();
            SaveLocked();
            return taken;
        }
    }

    /// <summary>Forgets sent keys older than <paramref name="before"/> and saves.</summary>
    public void Forget(DateTimeOffset before)
    {
        lock (_gate)
        {
            var old = _sent.Where(p => p.Value < before).Select(p => p.Key).ToArray();
            if (old.Length == 0) return;
            foreach (var key in old) _sent.Remove(key);
            SaveLocked();
        }
    }

    private void SaveLocked()
    {
        if (_path is null) return;
        var file = new StateFile
        {
            Sent = _sent.OrderBy(p => p.Value).ThenBy(p => p.Key.Target, StringComparer.Ordinal)
                .Select(p => new SentEntry(p.Key.Target, p.Key.Key, p.Value)).ToList(),
            Held = _held.ToList(),
        };
        AtomicText.Write(_path, JsonSerializer.Serialize(file, NotificationStateJson.Default.StateFile));
    }

    /// <summary>The file's shape: <c>{"sent": [{target, key, at}], "held": [notification]}</c>.</summary>
    internal sealed class StateFile
    {
        [JsonPropertyName("sent")]
        public List<SentEntry> Sent { get; init; } = [];

        [JsonPropertyName("held")]
        public List<Notification> Held { get; init; } = [];

        /// <summary>Rejects entries the notifier could not use (JSON of the right shape but missing values).</summary>
        public void Check()
        {
            foreach (var entry in Sent)
            {
                if (string.IsNullOrEmpty(entry.Target) || string.IsNullOrEmpty(entry.Key)) throw new JsonException("a sent entry lacks its target or key");
            }

            foreach (var notification in Held) notification.Validate();
        }
    }

    /// <summary>One delivery: this target got this key at this instant.</summary>
    internal sealed record SentEntry(
        [property: JsonPropertyName("target")] string Target,
        [property: JsonPropertyName("key")] string Key,
        [property: JsonPropertyName("at")] DateTimeOffset At);
}

/// <summary>Source-generated JSON for the state file (no reflection).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(NotificationState.StateFile))]
internal sealed partial class NotificationStateJson : JsonSerializerContext;
