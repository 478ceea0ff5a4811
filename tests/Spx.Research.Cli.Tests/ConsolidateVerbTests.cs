using Spx.Research.Lake;

namespace Spx.Research.Cli.Tests;

/// <summary>
/// <c>spx consolidate</c> as users run it: the built spx as its own process on two days copied from the bundled
/// sample lake (one option minute per SPY option bar, a second run changing no byte), a truncated input (exit 1,
/// one line naming the file, nothing published), the training step, and usage errors (exit 2).
/// </summary>
public sealed class ConsolidateVerbTests : IDisposable
{
    private static readonly string[] Inputs = ["option_bars_1m", "stock_bars_1s", "index_bars_1m", "news"];
    private static readonly string[] Days = ["date=2025-03-03", "date=2025-03-04"];
    private readonly string _root = Directory.CreateTempSubdirectory("spx-consolidate-").FullName;

    public ConsolidateVerbTests()
    {
        var sample = Synthetic.SampleLake.Find(AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException("data-samples/lake not found");
        foreach (var dataset in Inputs)
        foreach (var day in Days)
        {
            var from = Path.Combine(sample, dataset, day);
            if (!Directory.Exists(from)) continue;
            var to = Directory.CreateDirectory(Path.Combine(_root, dataset, day)).FullName;
            foreach (var file in Directory.GetFiles(from, "*.parquet")) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private CliRun Spx(params string[] args) => CliRun.Process(_root, new Dictionary<string, string>(), args);

    [Fact]
    public void Every_spy_option_bar_becomes_one_priced_minute_and_a_second_run_changes_nothing()
    {
        var first = Spx("consolidate", "--from", "2025-03-03", "--to", "2025-03-04", "--lake", _root);
        var files = SnapshotBytes();
        var second = Spx("consolidate", "--from", "2025-03-03", "--to", "2025-03-04", "--lake", _root);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(2, files.Count);
        Assert.Contains("(2 partitions changed)", first.Error, StringComparison.Ordinal);
        Assert.Contains("(0 partitions changed)", second.Error, StringComparison.Ordinal);
        Assert.Equal(files, SnapshotBytes());
        using var session = LakeSession.Open(_root);
        var bars = session.Scalar<long>("SELECT count(*) FROM option_bars_1m WHERE underlying = 'SPY'");
        var check = session.Columnar("""
            SELECT count(*) AS n, count(DISTINCT (ticker, ts)) AS keys, count(spot) AS spots, count(*) FILTER (WHERE iv_status = 'solved') AS solved,
                   count(*) FILTER (WHERE iv_status = 'solved' AND (iv <= 0 OR isnan(delta) OR gamma < 0)) AS bad
            FROM option_minutes
            """);
        Assert.True(bars > 10_000, $"the sample lake should have SPY option bars, has {bars}");
        Assert.Equal([bars, bars, bars], new[] { check.GetColumn<long>("n")[0], check.GetColumn<long>("keys")[0], check.GetColumn<long>("spots")[0] });
        Assert.True(check.GetColumn<long>("solved")[0] > bars / 2, "most sample minutes should have an implied volatility");
        Assert.Equal(0, check.GetColumn<long>("bad")[0]);
    }

    [Fact]
    public void A_truncated_input_fails_with_one_line_naming_it_and_publishes_nothing()
    {
        var damaged = Directory.GetFiles(Path.Combine(_root, "stock_bars_1s", "date=2025-03-04"), "*.parquet")[0];
        var bytes = File.ReadAllBytes(damaged);
        File.WriteAllBytes(damaged, bytes[..(bytes.Length - 100)]);

        var run = Spx("consolidate", "--from", "2025-03-03", "--to", "2025-03-04", "--lake", _root);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("spx: error: stock_bars_1s partition date=2025-03-04 cannot be read: ", line, StringComparison.Ordinal);
        Assert.Contains(damaged, line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "option_minutes", "date=2025-03-03")), "nothing may be published");
    }

    [Fact]
    public void The_training_step_stores_one_row_per_minute_and_horizon()
    {
        Assert.Equal(0, Spx("consolidate", "--from", "2025-03-03", "--to", "2025-03-03", "--lake", _root).ExitCode);

        var run = Spx("consolidate", "training", "--from", "2025-03-03", "--to", "2025-03-03", "--horizons", "1,5,15,30", "--lake", _root);

        Assert.True(run.ExitCode == 0, run.Error);
        using var session = LakeSession.Open(_root);
        var minutes = session.Scalar<long>("SELECT count(*) FROM option_minutes");
        Assert.Equal(4 * minutes, session.Scalar<long>("SELECT count(*) FROM option_forward_returns"));
        Assert.Equal(0, session.Scalar<long>("SELECT count(*) FROM option_forward_returns WHERE future_ts IS NOT NULL AND future_ts < ts + to_minutes(horizon_minutes)"));
    }

    [Theory]
    [InlineData("consolidate", "--from", "2025-03-05", "--to", "2025-03-04")]
    [InlineData("consolidate", "--to", "2025-03-04")]
    [InlineData("consolidate", "--from", "2025-3-4", "--to", "2025-03-04")]
    [InlineData("consolidate", "training", "--from", "2025-03-03", "--to", "2025-03-04", "--horizons", "1,0")]
    public void Usage_errors_exit_2_with_one_line(params string[] args)
    {
        var run = CliRun.Of([.. args, "--lake", _root]);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.False(Directory.Exists(Path.Combine(_root, "option_minutes")));
    }

    private SortedDictionary<string, byte[]> SnapshotBytes()
    {
        var layout = new LakeLayout(_root);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var date in layout.Partitions("option_minutes"))
        foreach (var file in layout.PartitionFiles("option_minutes", date))
            files[Path.GetRelativePath(_root, file)] = File.ReadAllBytes(file);
        return files;
    }
}
