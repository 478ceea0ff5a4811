using Spx.Research.Lake;
using Spx.Research.Synthetic;

namespace Spx.Research.Cli.Tests;

public sealed class GenerateVerbTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("spx-cli-generate-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Generate_then_lake_info_lists_every_dataset()
    {
        var lake = Path.Combine(_root, "week-lake");
        var run = CliRun.Of("generate", "--from", "2025-03-06", "--to", "2025-03-07", "--lake", lake, "--profile", "bench");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2025-03-07  2/2 sessions", run.Output);
        Assert.Contains("generated 2 session(s)", run.OutputLines[^1]);

        var info = CliRun.Of("lake", "info", "--lake", lake, "--format", "csv");
        Assert.Equal(0, info.ExitCode);
        var datasets = info.OutputLines.Skip(1).Select(l => l.Split(',')[0]).ToHashSet();
        // Every registered dataset is listed. The bench profile has no chain snapshots; generate writes none of
        // the monitor's, the scanner's, ingestion's or consolidation's own datasets (0 partitions); every other dataset has both sessions.
        Assert.Equal(DatasetRegistry.Default.Datasets.Select(d => d.Name).ToHashSet(), datasets);
        var notGenerated = Spx.Research.Monitor.MonitorDatasets.All.Concat(Spx.Research.Scanning.ScanningDatasets.All)
            .Concat(Spx.Research.Ingest.IngestDatasets.All).Concat(Spx.Research.Ingest.Streaming.StreamDatasets.All)
            .Concat(Spx.Research.Consolidation.ConsolidationDatasets.All).Select(d => d.Name).ToHashSet();
        Assert.All(info.OutputLines.Skip(1).Where(l => !l.StartsWith("chain_snapshots,", StringComparison.Ordinal)),
            line => Assert.Equal(notGenerated.Contains(line.Split(',')[0]) ? "0" : "2", line.Split(',')[1]));
    }

    [Fact]
    public void Holidays_only_is_a_usage_error()
    {
        var run = CliRun.Of("generate", "--from", "2025-12-25", "--to", "2025-12-25", "--lake", Path.Combine(_root, "x"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no NYSE sessions", run.Error);
        Assert.False(Directory.Exists(Path.Combine(_root, "x")));
    }

    [Theory]
    [InlineData("--from", "2025-03-07", "--to", "2025-03-06")]
    [InlineData("--from", "1999-03-01", "--to", "1999-03-05")]
    [InlineData("--from", "2025-03-06", "--to", "2025-03-07", "--profile", "huge")]
    [InlineData("--from", "2025-03-06", "--to", "2025-03-07", "--seed", "x")]
    public void Bad_arguments_are_usage_errors_that_write_nothing(params string[] args)
    {
        var lake = Path.Combine(_root, "bad");
        var run = CliRun.Of(["generate", .. args, "--lake", lake]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("spx: ", run.Error);
        Assert.False(Directory.Exists(lake));
    }

    [Fact]
    public void Generate_over_a_truncated_file_replaces_it()
    {
        var lake = Path.Combine(_root, "damaged");
        Assert.Equal(0, CliRun.Of("generate", "--from", "2025-03-06", "--to", "2025-03-06", "--lake", lake, "--profile", "bench").ExitCode);
        var file = Assert.Single(new LakeLayout(lake).PartitionFiles("option_bars_1m", new DateOnly(2025, 3, 6)));
        var whole = File.ReadAllBytes(file);
        File.WriteAllBytes(file, whole[..(whole.Length / 2)]);
        Assert.Equal(1, CliRun.Of("lake", "check", "--lake", lake).ExitCode);

        var again = CliRun.Of("generate", "--from", "2025-03-06", "--to", "2025-03-06", "--lake", lake, "--profile", "bench");

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(whole, File.ReadAllBytes(Assert.Single(new LakeLayout(lake).PartitionFiles("option_bars_1m", new DateOnly(2025, 3, 6)))));
        var check = CliRun.Of("lake", "check", "--lake", lake);
        Assert.True(check.ExitCode == 0, check.Output);
    }

    [Fact]
    public void The_default_seed_is_the_sample_lakes_and_reproduces_its_files()
    {
        var lake = Path.Combine(_root, "default-seed");
        var sample = SampleLake.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("no data-samples/lake above " + AppContext.BaseDirectory);

        var run = CliRun.Of("generate", "--from", "2025-03-03", "--to", "2025-03-03", "--lake", lake);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"seed {SampleLake.Seed} ", run.OutputLines[^1]);
        var layout = new LakeLayout(lake);
        var committed = new LakeLayout(sample);
        foreach (var dataset in layout.DatasetsOnDisk())
        {
            var day = new DateOnly(2025, 3, 3);
            var ours = layout.PartitionFiles(dataset, day);
            var theirs = committed.PartitionFiles(dataset, day);
            Assert.Equal(theirs.Select(Path.GetFileName), ours.Select(Path.GetFileName));
            Assert.Equal(File.ReadAllBytes(theirs[0]), File.ReadAllBytes(ours[0]));
        }
    }
}
