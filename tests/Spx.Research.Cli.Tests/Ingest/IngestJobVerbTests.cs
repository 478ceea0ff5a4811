using System.Diagnostics;
using System.Text.Json;

namespace Spx.Research.Cli.Tests.Ingest;

/// <summary>
/// <c>spx ingest status</c> and <c>spx ingest stop</c> against a real, long-running <c>spx ingest import</c> process.
/// The import reads its first file from a FIFO, so it stays running — registered, heartbeating — until the test
/// writes the data: no sleeps, no timing. Linux/macOS only (mkfifo).
/// </summary>
public sealed class IngestJobVerbTests : IDisposable
{
    private const string Csv = "ticker,ts,open,high,low,close,volume\nSPY,2025-03-03 09:30:00,10,11,9,10.5,100\nSPY,2025-03-03 09:31:00,10,11,9,10.5,100\n";
    private readonly string _root = Directory.CreateTempSubdirectory("spx-cli-jobs-").FullName;

    private string Lake => Path.Combine(_root, "lake");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Stop_asks_a_running_import_to_stop_after_its_current_file_and_status_shows_each_state()
    {
        if (OperatingSystem.IsWindows()) return; // no FIFOs
        var fifo = Fifo("first.csv");
        var second = Path.Combine(_root, "second.csv");
        File.WriteAllText(second, Csv.Replace("09:3", "10:3", StringComparison.Ordinal));
        using var import = StartSpx("ingest", "import", fifo, second, "--dataset", "stock_bars_1m", "--lake", Lake);

        var running = WaitForJob(import);
        Assert.Equal("import", running.GetProperty("kind").GetString());
        Assert.Equal(import.Id, running.GetProperty("pid").GetInt32());
        var id = running.GetProperty("job").GetString()!;

        // Opening a FIFO for writing waits for its reader: once open, the import is inside its first file.
        await using var data = await Task.Run(() => new FileStream(fifo, FileMode.Open, FileAccess.Write)).WaitAsync(TimeSpan.FromMinutes(2));
        var stop = Task.Run(() => CliRun.Of("ingest", "stop", id, "--lake", Lake));
        Assert.True(SpinWait.SpinUntil(() => File.Exists(Path.Combine(Lake, "_state", "jobs", id + ".stop")) || stop.IsCompleted, TimeSpan.FromMinutes(2)), "no stop request");
        await data.WriteAsync(System.Text.Encoding.UTF8.GetBytes(Csv));
        await data.DisposeAsync(); // end of the first file: the import commits it, then sees the request

        var stopped = await stop;
        Assert.True(stopped.ExitCode == 0, stopped.Error);
        Assert.Equal($"{id}: stopped (stopped before file 2 of 2)\n", stopped.Output);
        Assert.True(import.WaitForExit(TimeSpan.FromMinutes(2)));
        Assert.Equal(0, import.ExitCode);
        Assert.Contains($"stopped on request before {second}; 1 file(s) not imported", await import.StandardOutput.ReadToEndAsync(), StringComparison.Ordinal);

        Assert.Equal("stopped", Single(Status()).GetProperty("state").GetString());
        Assert.Equal("2", CliRun.Of("sql", "select count(*) from stock_bars_1m", "--lake", Lake, "--format", "csv").OutputLines[1]);
    }

    [Fact]
    public void A_killed_import_shows_as_died_and_stop_says_it_is_not_running()
    {
        if (OperatingSystem.IsWindows()) return;
        var fifo = Fifo("hang.csv");
        using var import = StartSpx("ingest", "import", fifo, "--dataset", "stock_bars_1m", "--lake", Lake);
        var id = WaitForJob(import).GetProperty("job").GetString()!;

        import.Kill(); // SIGKILL: no cleanup, the record still says running
        import.WaitForExit();

        var job = Single(Status());
        Assert.Equal("died", job.GetProperty("state").GetString());
        var stop = CliRun.Of("ingest", "stop", id, "--lake", Lake);
        Assert.Equal(0, stop.ExitCode);
        Assert.Equal($"{id} is not running: died\n", stop.Output);
    }

    [Fact]
    public void Stopping_an_unknown_job_is_one_line_and_exit_1()
    {
        var run = CliRun.Of("ingest", "stop", "import-nope", "--lake", Lake);
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("spx: error: no job 'import-nope' in ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Status_of_a_lake_without_jobs_is_an_empty_list()
    {
        var run = CliRun.Of("ingest", "status", "--lake", Lake, "--format", "json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0, JsonDocument.Parse(run.Output).RootElement.GetArrayLength());
    }

    private JsonElement WaitForJob(Process import)
    {
        JsonElement? job = null;
        var seen = SpinWait.SpinUntil(() =>
        {
            if (import.HasExited) return true;
            var jobs = Status();
            job = jobs.GetArrayLength() == 1 ? jobs[0] : null;
            return job is { } j && j.GetProperty("state").GetString() == "running";
        }, TimeSpan.FromMinutes(2));
        if (!seen || job is null) Assert.Fail("the import never showed as running: " + (import.HasExited ? import.StandardError.ReadToEnd() : "timed out"));
        return job!.Value;
    }

    private JsonElement Status()
    {
        var run = CliRun.Of("ingest", "status", "--lake", Lake, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement.Clone();
    }

    private static JsonElement Single(JsonElement jobs)
    {
        Assert.Equal(1, jobs.GetArrayLength());
        return jobs[0];
    }

    private string Fifo(string name)
    {
        var path = Path.Combine(_root, name);
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    private static Process StartSpx(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "spx.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start spx");
    }
}
