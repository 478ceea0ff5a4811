using Spx.Research.Lake;

namespace Spx.Research.Cli.Tests;

public sealed class LakeVerbTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("spx-cli-lake-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void WriteBars(DateOnly date, int rows)
    {
        using var writer = new LakeWriter(new LakeLayout(_root), DatasetRegistry.Default);
        var open = date.ToString("yyyy-MM-dd") + " 14:30:00+00";
        writer.ReplacePartition("index_bars_1m", date, LakeSource.FromSql(
            $"SELECT 'I:SPX' AS ticker, TIMESTAMPTZ '{open}' + to_minutes(i) AS ts, 5800.0 + i AS open, 5801.0 + i AS high, 5799.0 + i AS low, 5800.5 + i AS close FROM range({rows}) t(i)"));
    }

    [Fact]
    public void Info_counts_partitions_rows_and_dates_per_dataset()
    {
        WriteBars(new DateOnly(2025, 3, 3), 390);
        WriteBars(new DateOnly(2025, 3, 4), 100);

        var run = CliRun.Of("lake", "info", "--lake", _root, "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        var bars = run.OutputLines.Single(l => l.StartsWith("index_bars_1m,")).Split(',');
        var header = run.OutputLines[0].Split(',');
        string Cell(string column) => bars[Array.IndexOf(header, column)];
        Assert.Equal("2", Cell("partitions"));
        Assert.Equal("490", Cell("rows"));
        Assert.Equal("2025-03-03", Cell("first_date"));
        Assert.Equal("2025-03-04", Cell("last_date"));
        Assert.True(long.Parse(Cell("bytes")) > 0);
    }

    [Fact]
    public void Sql_queries_the_dataset_views_with_the_partition_date()
    {
        WriteBars(new DateOnly(2025, 3, 3), 390);

        var run = CliRun.Of("sql", "select date, count(*) as n, max(close) as hi from index_bars_1m group by date", "--lake", _root, "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["date,n,hi", "2025-03-03,390,6189.5"], run.OutputLines);
    }

    [Fact]
    public void Info_on_a_missing_lake_names_the_folder_and_fails()
    {
        var missing = Path.Combine(_root, "absent");

        var run = CliRun.Of("lake", "info", "--lake", missing);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(missing, run.Error);
    }

    /// <summary>Cuts the partition's only file to half its length, as a crash or a bad copy would.</summary>
    private string Truncate(string dataset, DateOnly date)
    {
        var file = Assert.Single(new LakeLayout(_root).PartitionFiles(dataset, date));
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Write);
        stream.SetLength(stream.Length / 2);
        return file;
    }

    [Fact]
    public void Info_and_sql_on_a_lake_with_a_truncated_file_leave_that_partition_out_with_a_warning()
    {
        WriteBars(new DateOnly(2025, 3, 3), 390);
        WriteBars(new DateOnly(2025, 3, 4), 100);
        var damaged = Truncate("index_bars_1m", new DateOnly(2025, 3, 3));

        var info = CliRun.Of("lake", "info", "--lake", _root, "--format", "csv");
        var sql = CliRun.Of("sql", "select count(*) as n from index_bars_1m", "--lake", _root, "--format", "csv");

        Assert.Equal(0, info.ExitCode);
        Assert.StartsWith("index_bars_1m,1,1,100,", info.OutputLines.Single(l => l.StartsWith("index_bars_1m,")));
        Assert.Equal(["n", "100"], sql.OutputLines);
        foreach (var run in new[] { info, sql })
        {
            var warning = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("spx: warning: index_bars_1m/date=2025-03-03 left out: " + Path.GetFileName(damaged), warning);
        }
    }

    [Fact]
    public void Check_on_a_sound_lake_prints_a_summary_and_exits_0()
    {
        WriteBars(new DateOnly(2025, 3, 3), 390);
        WriteBars(new DateOnly(2025, 3, 4), 100);

        var run = CliRun.Of("lake", "check", "--lake", _root);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["checked 2 file(s) in 2 partition(s) of 1 dataset(s): no problems"], run.OutputLines);
    }

    [Fact]
    public void Check_names_a_truncated_file_and_exits_1_and_repair_moves_it_out_and_exits_0()
    {
        WriteBars(new DateOnly(2025, 3, 3), 390);
        WriteBars(new DateOnly(2025, 3, 4), 100);
        var damaged = Path.GetFileName(Truncate("index_bars_1m", new DateOnly(2025, 3, 3)));

        var check = CliRun.Of("lake", "check", "--lake", _root);
        var repair = CliRun.Of("lake", "check", "--repair", "--lake", _root);
        var after = CliRun.Of("lake", "check", "--lake", _root);

        Assert.Equal(1, check.ExitCode);
        Assert.Equal(2, check.OutputLines.Length);
        Assert.StartsWith($"index_bars_1m/date=2025-03-03/{damaged}: no Parquet magic PAR1 at the end", check.OutputLines[0]);
        Assert.Equal("checked 2 file(s) in 2 partition(s) of 1 dataset(s): 1 problem(s)", check.OutputLines[1]);

        Assert.Equal(0, repair.ExitCode);
        Assert.Contains($"moved {damaged} out of index_bars_1m/date=2025-03-03 to {Path.Combine("_quarantine", "_damaged", "index_bars_1m", "date=2025-03-03")} (nothing readable was left: the partition is removed)", repair.OutputLines);
        Assert.Contains(repair.OutputLines, l => l.StartsWith("regenerate or re-download 2025-03-03: it lost data in index_bars_1m", StringComparison.Ordinal));
        Assert.EndsWith("moved out 1 unreadable file(s); 0 problem(s) remain", repair.OutputLines[^1]);
        Assert.True(File.Exists(Path.Combine(_root, "_quarantine", "_damaged", "index_bars_1m", "date=2025-03-03", damaged)));

        Assert.Equal(0, after.ExitCode);
        Assert.Equal(["checked 1 file(s) in 1 partition(s) of 1 dataset(s): no problems"], after.OutputLines);
    }

    [Fact]
    public void Check_on_a_missing_lake_names_the_folder_and_fails()
    {
        var missing = Path.Combine(_root, "absent");

        var run = CliRun.Of("lake", "check", "--lake", missing);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"spx: error: no lake at {missing} (no such folder)", run.Error);
    }
}
