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
    private readonly Action<string>? _log;
    private string? _path;
    private readonly Dictionary<(string Target, string Key), DateTimeOffset> _sent = [];
    private readonly List<Notification> _held = [];

    private NotificationState(string? path, Action<string>? log)
    {
        _path = path;
        _log = log;
    }

    /// <summary><c>LAKE/_state/notifications.json</c>.</summary>
    public static string PathInLake(string lakeRoot) => Path.Combine(lakeRoot, StateFolder, FileName);

    /// <summary>State in memory only: forgotten when the process ends.</summary>
    public static NotificationState InMemory() => new(null, null);

    /// <summary>
    /// Loads the file (missing: empty). A file that cannot be read as state is moved to <c>&lt;name&gt;.damaged-&lt;time&gt;</c>,
    /// reported through <paramref name="log"/> in one line, and replaced by an empty state. A file that cannot be read
    /// or written at all (permissions, a full disk) is reported the same way and the state is kept in memory only.
    /// </summary>
    public static NotificationState Load(string path, TimeProvider time, Action<string>? log)
    {
        path = Path.GetFullPath(path);
        var state = new NotificationState(path, log);
        if (!File.Exists(path)) return state;
        StateFile? file;
        try
        {
            file = JsonSerializer.Deserialize(File.ReadAllText(path), NotificationStateJson.Default.StateFile)
                ?? throw new JsonException("the file holds JSON null");
            file.Check();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log?.Invoke($"notify: state file {path} cannot be read ({e.Message}); keeping what is sent in memory only.");
            state._path = null;
            return state;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
            var aside = $"{path}.damaged-{time.GetUtcNow().UtcDateTime:yyyyMMdd'T'HHmmss'Z'}";
            try
            {
                File.Move(path, aside, overwrite: true);
            }
            catch (Exception moving) when (moving is IOException or UnauthorizedAccessException)
            {
                log?.Invoke($"notify: state file {path} is not valid and cannot be moved aside ({moving.Message}); keeping what is sent in memory only.");
                state._path = null;
                return state;
            }
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

    /// <summary>Releases held notifications once they have been sent or dropped, and saves.</summary>
    public void Release(IEnumerable<string> keys)
    {
        lock (_gate)
        {
            var released = keys.ToHashSet(StringComparer.Ordinal);
            if (_held.RemoveAll(n => released.Contains(n.Key)) > 0) SaveLocked();
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

    /// <summary>Rewrites the file; a file that cannot be written is one log line, and the state stays in memory only.</summary>
    private void SaveLocked()
    {
        if (_path is null) return;
        try
        {
            Write(_path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log?.Invoke($"notify: state file {_path} cannot be written ({e.Message}); keeping what is sent in memory only.");
            _path = null;
        }
    }

    private void Write(string path)
    {
        var file = new StateFile
        {
            Sent = _sent.OrderBy(p => p.Value).ThenBy(p => p.Key.Target, StringComparer.Ordinal)
                .Select(p => new SentEntry(p.Key.Target, p.Key.Key, p.Value)).ToList(),
            Held = _held.ToList(),
        };
        AtomicText.Write(path, JsonSerializer.Serialize(file, NotificationStateJson.Default.StateFile));
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
