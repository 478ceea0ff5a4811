using System.Diagnostics;
using Spx.Research.Lake;
using Spx.Research.Monitor;
using Spx.Research.Simulator;

namespace Spx.Research.EndToEnd.Tests;

/// <summary>
/// <c>spx monitor poll</c> as a real process against the simulator: <c>--server-clock</c> lands on the replayed
/// session; a poll killed with SIGKILL before it publishes leaves the lake as it was, and the next poll
/// stores exactly what an uninterrupted one does; a failure is one line and exit 1, without the key.
/// </summary>
/// <remarks>
/// The kill lands mid-poll without timing: the test holds the partition's write lock (the lock file every
/// writer takes), waits until the simulator has answered the poll's requests, then kills the process,
/// which is fetching or waiting for the lock — either way before its file is renamed into place.
/// </remarks>
public sealed class MonitorPollVerbTests : IDisposable
{
    private static readonly DateOnly Day = new(2025, 3, 3);
    private readonly string _root = Directory.CreateTempSubdirectory("spx-e2e-pollverb-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Server_clock_polls_the_replayed_session()
    {
        var (simulator, baseUri) = await Loopback.Start();
        await using var _ = simulator;
        var lake = Path.Combine(_root, "lake");

        var (exit, output, error) = Run(Start(baseUri, lake, "--format", "csv"));

        Assert.True(exit == 0, error);
        var fields = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Split(',');
        Assert.Equal(["2025-03-03T15:30:00Z", "2025-03-03", "polled"], fields[..3]);
        using var session = LakeSession.Open(lake);
        Assert.Equal(long.Parse(fields[7], System.Globalization.CultureInfo.InvariantCulture), session.Scalar<long>("SELECT count(*) FROM monitor_polls"));
        Assert.Contains("SPX:", fields[6]);
        Assert.Contains("SPXW:", fields[6]);
    }

    [Fact]
    public async Task A_poll_killed_before_it_publishes_leaves_nothing_and_the_next_poll_completes()
    {
        var (simulator, baseUri) = await Loopback.Start();
        await using var _ = simulator;
        var killed = Path.Combine(_root, "killed");
        var lockFile = Path.Combine(killed, MonitorDatasets.Polls.Name, LakeLayout.VersionsFolder, LakeLayout.PartitionName(Day), ".lock");
        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);

        using (new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            using var poll = Start(baseUri, killed);
            // marketstatus, the I:SPX snapshot and at least one chain page: the poll is past its first requests.
            var midPoll = SpinWait.SpinUntil(() => poll.HasExited || simulator.RestRequests >= 3, TimeSpan.FromMinutes(2));
            if (!midPoll || poll.HasExited) Assert.Fail("spx monitor poll did not reach the chain: " + poll.StandardError.ReadToEnd());
            poll.Kill(); // SIGKILL on Unix: no finally blocks, no cleanup
            poll.WaitForExit();
        }
        Assert.False(Directory.Exists(Path.Combine(killed, MonitorDatasets.Polls.Name, LakeLayout.PartitionName(Day))));
        var rerun = Run(Start(baseUri, killed));
        Assert.True(rerun.Exit == 0, rerun.Error);

        var whole = Path.Combine(_root, "whole");
        Assert.Equal(0, Run(Start(baseUri, whole)).Exit);
        var expected = Rows(whole);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Rows(killed));
        Assert.Equal(0, Run(Start(baseUri, killed, "--lake-check")).Exit);
    }

    [Fact]
    public async Task A_failed_poll_is_one_line_exit_1_and_never_shows_the_key()
    {
        var (simulator, baseUri) = await Loopback.Start();
        await using var _ = simulator;
        const string wrongKey = "wrong-Key-5c2e9a71";

        var (exit, output, error) = Run(StartWithKey(baseUri, Path.Combine(_root, "lake"), wrongKey, []));

        Assert.Equal(1, exit);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("spx: error: ", error);
        Assert.DoesNotContain(wrongKey, output + error);
        Assert.False(Directory.Exists(Path.Combine(_root, "lake", MonitorDatasets.Polls.Name)));
    }

    private static string[] Rows(string lake)
    {
        using var session = LakeSession.Open(lake);
        return session.Query("SELECT * EXCLUDE (date) FROM monitor_polls ORDER BY ticker", r =>
        {
            var rows = new List<string>();
            while (r.Read()) rows.Add(string.Join('|', Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "NULL" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            return rows.ToArray();
        });
    }

    private static (int Exit, string Output, string Error) Run(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }

    /// <summary>Starts <c>spx monitor poll --server-clock</c>; <c>--lake-check</c> runs <c>spx lake check</c> on the lake instead.</summary>
    private static Process Start(Uri baseUri, string lake, params string[] extra) => StartWithKey(baseUri, lake, Loopback.Key, extra);

    private static Process StartWithKey(Uri baseUri, string lake, string key, string[] extra)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["MASSIVE_API_KEY"] = key;
        start.Environment.Remove("POLYGON_API_KEY");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "spx.dll"));
        string[] args = extra is ["--lake-check"]
            ? ["lake", "check", "--lake", lake]
            : ["monitor", "poll", "--base-url", baseUri.ToString(), "--server-clock", "--lake", lake, .. extra];
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start spx");
    }
}
