using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Spx.Research.Ingest.Jobs;
using Spx.Research.Ingest.Quality;
using Spx.Research.Tests.Lake;

namespace Spx.Research.Tests.Ingest;

/// <summary>
/// The job registry on real files in fake time: records, heartbeats, stop requests, end states, and "died" for a
/// running record whose process is gone. The cross-process path (spx ingest status/stop against a live job) is in
/// Spx.Research.Cli.Tests (IngestJobVerbTests).
/// </summary>
public sealed class JobRegistryTests : IDisposable
{
    private readonly TempLake _lake = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 3, 15, 0, 0, TimeSpan.Zero));

    private JobRegistry Registry => new(_lake.Layout);

    [Fact]
    public void A_started_job_is_listed_running_with_its_checkpoint_and_metrics_at_the_heartbeat()
    {
        var metrics = new SourceMetrics("spy", _time);
        using var job = Registry.Start("backfill", ["--from", "2025-03-03"], _time);
        job.Metrics = () => [metrics.Snapshot()];
        metrics.Commit(TimeSpan.FromSeconds(3), 390);
        job.Checkpoint("2025-03-03 done");

        _time.Advance(TimeSpan.FromSeconds(30));

        var record = Assert.Single(Registry.List());
        Assert.Equal(job.Id, record.Id);
        Assert.StartsWith($"backfill-20250303T150000-{Environment.ProcessId}", record.Id, StringComparison.Ordinal);
        Assert.Equal(JobState.Running, record.State);
        Assert.Equal(["--from", "2025-03-03"], record.Args);
        Assert.Equal("2025-03-03 done", record.Checkpoint);
        Assert.Equal(_time.GetUtcNow(), record.HeartbeatUtc);
        Assert.Equal(3, Assert.Single(record.Metrics).CommitP50Seconds);
    }

    [Fact]
    public void A_stop_request_cancels_the_job_token_at_the_next_poll_and_the_job_ends_stopped()
    {
        using var job = Registry.Start("stream", [], _time);
        Registry.RequestStop(job.Id);
        Assert.False(job.StopRequested.IsCancellationRequested);

        _time.Advance(new JobHandleOptions().StopPoll);
        Assert.True(job.StopRequested.IsCancellationRequested);
        job.End(JobState.Stopped, "on request");

        var record = Registry.Find(job.Id)!;
        Assert.Equal(JobState.Stopped, record.State);
        Assert.Equal("on request", record.Message);
        Assert.Equal(_time.GetUtcNow(), record.EndedUtc);
        Assert.False(File.Exists(Path.Combine(Registry.Folder, job.Id + ".stop")));
    }

    [Fact]
    public void Disposing_a_job_that_did_not_end_records_it_failed()
    {
        string id;
        using (var job = Registry.Start("import", [], _time)) id = job.Id;
        var record = Registry.Find(id)!;
        Assert.Equal(JobState.Failed, record.State);
        Assert.Equal("the process ended without finishing the job", record.Message);
    }

    [Fact]
    public void A_running_record_whose_process_has_exited_is_listed_as_died()
    {
        using var gone = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true })!;
        gone.StandardOutput.ReadToEnd();
        gone.WaitForExit();
        using var job = Registry.Start("stream", [], _time);
        var record = Registry.Find(job.Id)! with { Id = "stream-dead", Pid = gone.Id };
        Registry.Write(record);

        Assert.Equal(JobState.Died, Registry.Find("stream-dead")!.State);
        Assert.Equal(JobState.Running, Registry.Find(job.Id)!.State);
    }

    [Fact]
    public void A_reused_pid_does_not_keep_a_dead_job_alive()
    {
        using var job = Registry.Start("stream", [], _time);
        var record = Registry.Find(job.Id)!;
        Registry.Write(record with { Id = "stream-old", ProcessStartUtc = record.ProcessStartUtc!.Value.AddHours(-3) });

        Assert.Equal(JobState.Died, Registry.Find("stream-old")!.State);
    }

    [Fact]
    public void An_unreadable_record_is_named_and_the_others_still_listed()
    {
        using var job = Registry.Start("import", [], _time);
        File.WriteAllText(Path.Combine(Registry.Folder, "broken.json"), "{\"id\": \"bro");
        var problems = new List<string>();

        var jobs = Registry.List(problems.Add);

        Assert.Equal(job.Id, Assert.Single(jobs).Id);
        Assert.Contains("broken.json is unreadable", Assert.Single(problems), StringComparison.Ordinal);
        Assert.Null(Registry.Find("../../etc/passwd"));
        Assert.Null(Registry.Find("nope"));
    }

    // arguments, expected record
    [Theory]
    [InlineData(new[] { "ingest", "backfill", "--key", "sk-LIVE-123", "--from", "2025-03-03" }, new[] { "ingest", "backfill", "--key", "***", "--from", "2025-03-03" })]
    [InlineData(new[] { "--api-key=sk-LIVE-123" }, new[] { "--api-key=***" })]
    [InlineData(new[] { "--base-url", "http://h/?x=sk-LIVE-123" }, new[] { "--base-url", "http://h/?x=***" })]
    [InlineData(new[] { "--lake", "data/lake" }, new[] { "--lake", "data/lake" })]
    public void The_record_never_holds_the_api_key(string[] args, string[] expected)
    {
        var redacted = JobArguments.Redact(args, new Spx.Research.Polygon.ApiKey("sk-LIVE-123"));
        Assert.Equal(expected, redacted);
    }

    [Fact]
    public void A_key_given_on_the_command_line_does_not_reach_the_job_file()
    {
        using var job = Registry.Start("backfill", ["--key", "sk-LIVE-456"], _time);
        Assert.DoesNotContain("sk-LIVE-456", File.ReadAllText(Path.Combine(Registry.Folder, job.Id + ".json")), StringComparison.Ordinal);
    }

    public void Dispose() => _lake.Dispose();
}
