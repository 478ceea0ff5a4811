using System.Diagnostics;
using System.Text.Json;
using Spx.Research.Lake;

namespace Spx.Research.Ingest.Jobs;

/// <summary>
/// The jobs of a lake: one JSON record per job in <c>LAKE/_state/jobs/</c>, written atomically by the job
/// (<see cref="JobHandle"/>), read by <c>spx ingest status</c>, and a stop-request file <c>&lt;id&gt;.stop</c> that
/// <c>spx ingest stop</c> drops and the job polls. A file rather than SIGTERM: it works the same on Windows, from
/// any process that can write the lake, and it cannot hit an unrelated process that reused the pid.
/// </summary>
public sealed class JobRegistry
{
    /// <summary>The registry of the lake at <paramref name="layout"/>.</summary>
    public JobRegistry(LakeLayout layout) => Folder = Path.Combine(layout.Root, "_state", "jobs");

    /// <summary><c>LAKE/_state/jobs</c>.</summary>
    public string Folder { get; }

    /// <summary>Registers the current process as a running job and starts its heartbeat.</summary>
    public JobHandle Start(string kind, IReadOnlyList<string> args, TimeProvider? time = null, JobHandleOptions? options = null)
    {
        var clock = time ?? TimeProvider.System;
        using var self = Process.GetCurrentProcess();
        var now = clock.GetUtcNow();
        var record = new JobRecord
        {
            Id = $"{kind}-{now.UtcDateTime:yyyyMMdd'T'HHmmss}-{Environment.ProcessId}",
            Kind = kind,
            Args = JobArguments.Redact(args),
            Host = Environment.MachineName,
            Pid = Environment.ProcessId,
            ProcessStartUtc = self.StartTime.ToUniversalTime(),
            StartedUtc = now,
            State = JobState.Running,
            HeartbeatUtc = now,
        };
        return new JobHandle(this, record, clock, options ?? new JobHandleOptions());
    }

    /// <summary>Every job, newest first; running records whose process is gone show <see cref="JobState.Died"/>.</summary>
    /// <param name="problems">Receives one line per unreadable record.</param>
    public IReadOnlyList<JobRecord> List(Action<string>? problems = null)
    {
        if (!Directory.Exists(Folder)) return [];
        var jobs = new List<JobRecord>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*.json"))
        {
            if (Read(path, problems) is { } record) jobs.Add(WithLiveness(record));
        }
        return jobs.OrderByDescending(j => j.StartedUtc).ThenBy(j => j.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The job with this id (liveness applied), or null.</summary>
    public JobRecord? Find(string id)
    {
        if (id.Length == 0 || id.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || id.Contains("..", StringComparison.Ordinal)) return null;
        var path = RecordPath(id);
        return File.Exists(path) && Read(path, null) is { } record ? WithLiveness(record) : null;
    }

    /// <summary>Asks the job to stop: it sees the request at its next poll, commits and ends as <see cref="JobState.Stopped"/>.</summary>
    public void RequestStop(string id) => AtomicText.Write(StopPath(id), $"stop requested {DateTimeOffset.UtcNow:O} by pid {Environment.ProcessId}\n");

    internal string RecordPath(string id) => Path.Combine(Folder, id + ".json");

    internal string StopPath(string id) => Path.Combine(Folder, id + ".stop");

    internal void Write(JobRecord record) => AtomicText.Write(RecordPath(record.Id), JsonSerializer.Serialize(record, IngestJson.Default.JobRecord));

    /// <summary>A running record whose process is gone (or is another process with the same pid) has died.</summary>
    internal static JobRecord WithLiveness(JobRecord record) =>
        record.State == JobState.Running && record.Host == Environment.MachineName && !IsAlive(record) ? record with { State = JobState.Died } : record;

    private static bool IsAlive(JobRecord record)
    {
        try
        {
            using var process = Process.GetProcessById(record.Pid);
            if (process.HasExited) return false;
            // Start times read through /proc may differ by rounding; a reused pid differs by far more.
            return record.ProcessStartUtc is not { } started || (process.StartTime.ToUniversalTime() - started).Duration() < TimeSpan.FromSeconds(2);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static JobRecord? Read(string path, Action<string>? problems)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), IngestJson.Default.JobRecord);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            problems?.Invoke($"job record {path} is unreadable: {e.Message.Split('\n')[0]}");
            return null;
        }
    }
}
