using System.Diagnostics;
using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Monitor.Detection;

namespace Spx.Research.Cli.Tests;

/// <summary>
/// <c>spx monitor eod</c> as a user runs it, on a temp lake filled the way the poll fills it: what it prints,
/// its exit codes, the default date, and a second run through a separate <c>spx</c> process.
/// </summary>
public sealed class MonitorEodVerbTests : IDisposable
{
    private const string Ticker = "O:SPXW250417P05000000";
    private static readonly DatasetRegistry Registry = MonitorRegistry.With();
    private readonly string _root = Directory.CreateTempSubdirectory("spx-cli-eod-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>One poll of one contract at <paramref name="hour"/>:<paramref name="minute"/> New York time, appended as its own file.</summary>
    private void Poll(DateOnly day, int hour, int minute, long dayVolume)
    {
        var ts = NewYorkTime.ToUtc(day, new TimeOnly(hour, minute));
        using var writer = new LakeWriter(new LakeLayout(_root), Registry);
        writer.AppendToPartition("monitor_polls", day, LakeSource.FromAppender(a => a.CreateRow()
            .AppendValue(ts).AppendValue(day).AppendValue(Ticker).AppendValue("I:SPX").AppendValue("SPXW").AppendValue(new DateOnly(2025, 4, 17))
            .AppendValue("put").AppendValue(5000.0).AppendValue(5800.0).AppendValue(dayVolume).AppendValue((long?)null)
            .AppendValue(4.9).AppendValue(5.1).AppendValue(5.0).AppendValue((double?)null).AppendValue((double?)null)
            .AppendValue((double?)null).AppendValue((double?)null).AppendValue((double?)null).AppendValue((double?)null)
            .AppendValue(dayVolume).EndRow()));
    }

    [Fact]
    public void Eod_closes_the_latest_polled_session_by_default_and_prints_what_it_did()
    {
        Poll(new DateOnly(2025, 3, 4), 10, 0, 100);
        Poll(new DateOnly(2025, 3, 5), 10, 0, 150);
        Poll(new DateOnly(2025, 3, 5), 15, 45, 700);

        var run = CliRun.Of("monitor", "eod", "--lake", _root);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("2025-03-05: 2 poll rows; monitor_daily 1 contracts (written)", run.OutputLines[0]);
        Assert.Equal("compacted monitor_polls date=2025-03-05 into 1 file (2 rows)", run.OutputLines[1]);
        Assert.Contains("total monitor_daily: 1 partitions, 1 files, 1 rows, 2025-03-05..2025-03-05", run.OutputLines);
        var daily = CliRun.Of("sql", "select day_volume from monitor_daily", "--lake", _root, "--format", "csv");
        Assert.Equal(["day_volume", "700"], daily.OutputLines);
    }

    [Fact]
    public void Eod_for_a_past_date_then_again_in_a_separate_process_changes_nothing()
    {
        Poll(new DateOnly(2025, 3, 4), 10, 0, 100);
        Poll(new DateOnly(2025, 3, 4), 11, 0, 300);
        Poll(new DateOnly(2025, 3, 5), 10, 0, 150);

        var first = CliRun.Of("monitor", "eod", "--date", "2025-03-04", "--lake", _root);
        var (exitCode, output, error) = RunSpxProcess("monitor", "eod", "--date", "2025-03-04", "--lake", _root);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(exitCode == 0, error);
        Assert.StartsWith("2025-03-04: 2 poll rows; monitor_daily 1 contracts (unchanged)\nmonitor_polls date=2025-03-04 already one file (2 rows)\n", output.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Eod_for_a_session_without_polls_says_so_and_exits_0()
    {
        Poll(new DateOnly(2025, 3, 5), 10, 0, 150);

        var run = CliRun.Of("monitor", "eod", "--date", "2025-03-06", "--lake", _root);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("2025-03-06: no polls stored for this session; nothing to close", run.OutputLines[0]);
    }

    [Theory]
    [InlineData("2025-03-08", "spx: --date 2025-03-08 (Saturday) is not an NYSE session: weekend.")]
    [InlineData("03/05/2025", "spx: ")]
    public void Eod_with_a_bad_date_is_a_one_line_usage_error(string date, string start)
    {
        Poll(new DateOnly(2025, 3, 5), 10, 0, 150);

        var run = CliRun.Of("monitor", "eod", "--date", date, "--lake", _root);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(start, run.Error);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Eod_on_a_missing_lake_names_it_and_fails()
    {
        var missing = Path.Combine(_root, "absent");

        var run = CliRun.Of("monitor", "eod", "--lake", missing);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(missing, run.Error);
    }

    private static (int ExitCode, string Output, string Error) RunSpxProcess(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "spx.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "spx did not exit");
        return (process.ExitCode, output.Result, error.Result);
    }
}
