using Spx.Research.Testing;
using System.Diagnostics;
using Spx.Research.Lake;

namespace Spx.Research.Cli.Tests;

/// <summary>
/// A real <c>spx generate</c> process killed with SIGKILL in the middle of a session (issue 9, defect 7.9):
/// <c>lake check</c> reports the session it left in part, and a re-run leaves exactly the files of a run
/// that was never interrupted.
/// </summary>
/// <remarks>
/// The kill lands mid-session deterministically, without timing: the test holds the write lock of the last
/// dataset of the last session (the same lock file every writer takes, <c>.versions/date=…/.lock</c>), waits
/// until every other dataset has published that session, and kills the writer while it waits for the lock.
/// </remarks>
public sealed class GenerateKillTests : IDisposable
{
    private const string From = "2025-03-03";
    private const string To = "2025-03-04";
    private const string Held = "labels";
    private static readonly DateOnly LastDay = new(2025, 3, 4);
    private readonly string _root = Directory.CreateTempSubdirectory("spx-cli-kill-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string[] Generate(string lake) => ["generate", "--from", From, "--to", To, "--lake", lake, "--profile", "bench"];

    [Fact]
    public void A_killed_generate_leaves_an_incomplete_session_that_check_reports_and_a_rerun_completes()
    {
        var killed = Path.Combine(_root, "killed");
        var layout = new LakeLayout(killed);
        var lockFile = Path.Combine(killed, Held, LakeLayout.VersionsFolder, LakeLayout.PartitionName(LastDay), ".lock");
        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);

        using (new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            using var writer = StartSpx(Generate(killed));
            var others = FoundationDatasets.All.Select(d => d.Name).Where(d => d != Held).ToArray();
            var midSession = SpinWait.SpinUntil(
                () => writer.HasExited || others.All(d => Directory.Exists(layout.PartitionDirectory(d, LastDay))),
                TimeSpan.FromMinutes(5));
            if (!midSession || writer.HasExited) Assert.Fail("spx generate did not reach the held partition: " + writer.StandardError.ReadToEnd());
            writer.Kill(); // SIGKILL on Unix: no finally blocks, no cleanup
            writer.WaitForExit();
        }
        Assert.False(Directory.Exists(layout.PartitionDirectory(Held, LastDay)));
        var check = CliRun.Of("lake", "check", "--lake", killed);
        Assert.Equal(1, check.ExitCode);
        Assert.True(check.OutputLines[0].StartsWith($"date={To}: session incomplete: missing from {Held} but", StringComparison.Ordinal), check.Output);
        Assert.Equal(2, check.OutputLines.Length);

        var rerun = CliRun.Of(Generate(killed));
        Assert.True(rerun.ExitCode == 0, rerun.Error);
        var recheck = CliRun.Of("lake", "check", "--lake", killed);
        Assert.True(recheck.ExitCode == 0, recheck.Output);

        var whole = Path.Combine(_root, "whole");
        Assert.Equal(0, CliRun.Of(Generate(whole)).ExitCode);
        var expected = LakeFiles.Snapshot(whole);
        var actual = LakeFiles.Snapshot(killed);
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected, file => Assert.True(file.Value.SequenceEqual(actual[file.Key]), file.Key + " differs"));
    }

    private static Process StartSpx(string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "spx.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start spx");
        process.OutputDataReceived += (_, _) => { }; // drain stdout so progress lines never block the writer
        process.BeginOutputReadLine();
        return process;
    }
}
