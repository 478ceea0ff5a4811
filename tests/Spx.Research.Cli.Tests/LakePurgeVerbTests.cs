using System.Diagnostics;
using Spx.Research.Lake;
using Spx.Research.Testing;

namespace Spx.Research.Cli.Tests;

/// <summary><c>spx lake purge</c>: what it prints, what it refuses (exit 2), retention from the configuration, and a kill -9 mid-purge.</summary>
public sealed class LakePurgeVerbTests : IDisposable
{
    private static readonly DateOnly[] Days = [new(2025, 3, 3), new(2025, 3, 4), new(2025, 3, 5), new(2025, 3, 6), new(2025, 3, 7)];
    private readonly string _root = Directory.CreateTempSubdirectory("spx-cli-purge-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A lake of minute bars, <c>10 + i</c> rows on the i-th day.</summary>
    private string Lake(string name = "lake")
    {
        var lake = Path.Combine(_root, name);
        using var writer = new LakeWriter(new LakeLayout(lake), DatasetRegistry.Default);
        for (var i = 0; i < Days.Length; i++)
        {
            writer.ReplacePartition("stock_bars_1m", Days[i], LakeSource.FromSql($"""
                SELECT 'SPY' AS ticker, TIMESTAMPTZ '{Days[i]:yyyy-MM-dd} 14:30:00+00' + to_minutes(r) AS ts, 1.0 AS open, 2.0 AS high,
                       0.5 AS low, 1.5 AS close, 100.0 AS volume, NULL::DOUBLE AS vwap, NULL::BIGINT AS trades
                FROM range(0, {10 + i}) AS t(r)
                """));
        }
        return lake;
    }

    [Fact]
    public void Purge_prints_each_removed_partition_and_the_totals()
    {
        var lake = Lake();

        var run = CliRun.Of("lake", "purge", "--dataset", "stock_bars_1m", "--before", "2025-03-05", "--lake", lake);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(3, run.OutputLines.Length);
        Assert.Matches(@"^removed stock_bars_1m/date=2025-03-03: 1 file\(s\), 10 rows, \d+ bytes$", run.OutputLines[0]);
        Assert.Matches(@"^removed stock_bars_1m/date=2025-03-04: 1 file\(s\), 11 rows, \d+ bytes$", run.OutputLines[1]);
        Assert.Matches(@"^removed 2 partition\(s\) from 1 dataset\(s\): 2 file\(s\), 21 rows, \d+ bytes; stock_bars_1m keeps 2025-03-05 on$", run.OutputLines[2]);
        Assert.Equal(Days[2..], new LakeLayout(lake).Partitions("stock_bars_1m"));
    }

    [Fact]
    public void A_dry_run_says_what_would_go_and_leaves_every_file()
    {
        var lake = Lake();
        var before = LakeFiles.Snapshot(lake);

        var run = CliRun.Of("lake", "purge", "--dataset", "stock_bars_1m", "--before", "2025-03-04", "--dry-run", "--lake", lake);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("would remove stock_bars_1m/date=2025-03-03: 1 file(s), 10 rows, ", run.OutputLines[0], StringComparison.Ordinal);
        Assert.StartsWith("would remove 1 partition(s) from 1 dataset(s): 1 file(s), 10 rows, ", run.OutputLines[1], StringComparison.Ordinal);
        Assert.Equal(before, LakeFiles.Snapshot(lake));
    }

    /// <summary>Usage errors: exit 2, one line, the lake untouched.</summary>
    [Theory]
    [InlineData(new[] { "--dataset", "bars", "--before", "2025-03-05" }, "spx: unknown dataset 'bars': expected one of stock_bars_1s, stock_bars_1m,")]
    [InlineData(new[] { "--dataset", "stock_bars_1m" }, "spx: give --dataset and --before, or --retention")]
    [InlineData(new[] { "--retention", "--dataset", "stock_bars_1m" }, "spx: --retention applies the configured rules: give it without --dataset and --before")]
    [InlineData(new[] { "--dataset", "stock_bars_1m", "--before", "2025-03-05", "--as-of", "2025-03-05" }, "spx: --as-of goes with --retention")]
    [InlineData(new[] { "--dataset", "stock_bars_1m", "--before", "05/03/2025" }, "spx: --before '05/03/2025' is not a date: use YYYY-MM-DD")]
    public void A_bad_request_is_a_usage_error_and_removes_nothing(string[] args, string expected)
    {
        var lake = Lake();
        var before = LakeFiles.Snapshot(lake);

        var run = CliRun.Of(["lake", "purge", "--lake", lake, .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(expected, Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, LakeFiles.Snapshot(lake));
    }

    [Fact]
    public void A_dataset_that_is_not_date_partitioned_is_a_usage_error()
    {
        var lake = Lake();
        Directory.CreateDirectory(Path.Combine(lake, "stock_bars_1m", "ticker=SPY"));

        var run = CliRun.Of("lake", "purge", "--dataset", "stock_bars_1m", "--before", "2025-03-07", "--lake", lake);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("spx: dataset 'stock_bars_1m' is not date-partitioned: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(Days, new LakeLayout(lake).Partitions("stock_bars_1m"));
    }

    [Fact]
    public void Retention_applies_the_configured_rules_counted_back_from_as_of()
    {
        var lake = Lake();
        var config = Path.Combine(_root, "spx.yaml");
        File.WriteAllText(config, "lake:\n  retention:\n    - dataset: stock_bars_1m\n      keep: 2d\n");

        var run = CliRun.Of("lake", "purge", "--retention", "--as-of", "2025-03-07", "--lake", lake, "--config", config);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(Days[2..], new LakeLayout(lake).Partitions("stock_bars_1m"));
        Assert.Equal("removed 2 partition(s) from 1 dataset(s)", run.OutputLines[^1].Split(':')[0]);
        Assert.Contains("; stock_bars_1m keeps 2025-03-05 on; monitor_polls keeps 2025-03-05 on; monitor_daily keeps 2025-01-06 on", run.OutputLines[^1], StringComparison.Ordinal);
    }

    /// <summary>
    /// SIGKILL mid-purge, placed without timing: the test holds the write lock of the third partition, waits until
    /// the purge has removed the first two, and kills it while it waits. Every partition is then whole or gone,
    /// <c>lake check</c> is clean, and a re-run leaves exactly what an uninterrupted purge leaves.
    /// </summary>
    [Fact]
    public void A_purge_killed_mid_way_leaves_a_consistent_lake_that_a_rerun_completes()
    {
        var killed = Lake("killed");
        var layout = new LakeLayout(killed);
        var kept = Days[4..].ToDictionary(d => d, d => layout.PartitionFiles("stock_bars_1m", d).Select(File.ReadAllBytes).Single());
        var lockFile = Path.Combine(killed, "stock_bars_1m", LakeLayout.VersionsFolder, LakeLayout.PartitionName(Days[2]), ".lock");
        string[] purge = ["lake", "purge", "--dataset", "stock_bars_1m", "--before", "2025-03-07", "--lake", killed];

        using (new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            using var process = Start(purge);
            var midway = SpinWait.SpinUntil(() => process.HasExited || layout.Partitions("stock_bars_1m").SequenceEqual(Days[2..]), TimeSpan.FromMinutes(2));
            if (!midway || process.HasExited) Assert.Fail("spx lake purge did not reach the held partition: " + process.StandardError.ReadToEnd());
            process.Kill();
            process.WaitForExit();
        }

        Assert.Equal(Days[2..], layout.Partitions("stock_bars_1m"));
        var check = CliRun.Of("lake", "check", "--lake", killed);
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Equal(0, CliRun.Of(purge).ExitCode);
        Assert.Equal(Days[4..], layout.Partitions("stock_bars_1m"));
        Assert.All(kept, p => Assert.Equal(p.Value, File.ReadAllBytes(layout.PartitionFiles("stock_bars_1m", p.Key).Single())));

        var whole = Lake("whole");
        Assert.Equal(0, CliRun.Of("lake", "purge", "--dataset", "stock_bars_1m", "--before", "2025-03-07", "--lake", whole).ExitCode);
        Assert.Equal(
            LakeFiles.Snapshot(whole).Select(f => (f.Key.Replace("whole", "", StringComparison.Ordinal), Convert.ToHexString(f.Value))),
            LakeFiles.Snapshot(killed).Select(f => (f.Key.Replace("killed", "", StringComparison.Ordinal), Convert.ToHexString(f.Value))));
    }

    private static Process Start(string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "spx.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start spx");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }
}
