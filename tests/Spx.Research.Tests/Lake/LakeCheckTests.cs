using Spx.Research.Lake;

namespace Spx.Research.Tests.Lake;

/// <summary>
/// <see cref="LakeCheck"/> on real files damaged the ways files get damaged, and <see cref="LakeRepair"/>
/// moving what cannot be read out of the live lake without losing it (issue 9, defects 7.1 and 7.9).
/// </summary>
public sealed class LakeCheckTests : IDisposable
{
    private const string Bars = "stock_bars_1m";
    private const string Index = "index_bars_1m";
    private static readonly DatasetGroup BarsAndIndex = new("a test feed", [Bars, Index]);
    private readonly TempLake _lake = new();

    public void Dispose() => _lake.Dispose();

    private static LakeSource IndexBars(DateOnly day, int rows) => LakeSource.FromSql(
        $"SELECT 'I:SPX' AS ticker, TIMESTAMPTZ '{day:yyyy-MM-dd} 14:30:00+00' + to_minutes(i) AS ts, " +
        $"5800.0 + i AS open, 5801.0 + i AS high, 5799.0 + i AS low, 5800.5 + i AS close FROM range({rows}) t(i)");

    private void WriteBothDays()
    {
        using var writer = _lake.Writer();
        foreach (var day in new[] { TempLake.Day, TempLake.NextDay })
        {
            writer.ReplacePartition(Bars, day, LakeSource.FromSql(TempLake.Bars(0, 300, day: day)));
            writer.ReplacePartition(Index, day, IndexBars(day, 30));
        }
    }

    private LakeCheckReport Check()
    {
        using var session = _lake.Session();
        return new LakeCheck(session, [BarsAndIndex]).Run();
    }

    private IReadOnlyList<RepairedPartition> Repair(IEnumerable<LakeProblem> problems)
    {
        using var session = _lake.Session();
        return LakeRepair.MoveOutUnreadable(session, problems);
    }

    private string OnlyFile(string dataset, DateOnly date) => Assert.Single(_lake.Layout.PartitionFiles(dataset, date));

    private static void Truncate(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Write);
        stream.SetLength(stream.Length - 100);
    }

    /// <summary>Overwrites the middle third of the file with zeros: both magics and the footer stay intact.</summary>
    private static void ZeroTheMiddle(string file)
    {
        var bytes = File.ReadAllBytes(file);
        Array.Clear(bytes, bytes.Length / 3, bytes.Length / 3);
        File.WriteAllBytes(file, bytes);
    }

    [Fact]
    public void A_sound_lake_has_no_problems_and_every_file_is_counted()
    {
        WriteBothDays();

        var report = Check();

        Assert.Empty(report.Problems);
        Assert.Equal((2, 4, 4), (report.Datasets, report.Partitions, report.Files));
    }

    [Theory]
    // What each damage shows: the envelope check catches a cut file; zeroed pages only show when DuckDB decodes them.
    [InlineData("truncated", @"^no Parquet magic PAR1 at the end \([0-9,]+ bytes\): truncated or damaged$")]
    [InlineData("zeroed middle", @"^Invalid Input Error: Failed to read file "".+[/\\]part-[0-9a-f]{16}\.parquet"": ZSTD Decompression failure$")]
    public void A_damaged_file_is_one_unreadable_problem_naming_the_file(string damage, string expected)
    {
        WriteBothDays();
        var file = OnlyFile(Bars, TempLake.NextDay);
        if (damage == "truncated") Truncate(file);
        else ZeroTheMiddle(file);

        var problem = Assert.Single(Check().Problems);

        Assert.Equal(LakeProblemKind.Unreadable, problem.Kind);
        Assert.Equal($"{Bars}/date=2024-01-03/{Path.GetFileName(file)}", problem.Location);
        Assert.Matches(expected, problem.Message);
        Assert.DoesNotContain('\n', problem.ToString());
    }

    [Fact]
    public void A_file_whose_columns_differ_from_the_declared_schema_is_a_schema_problem()
    {
        WriteBothDays();
        var other = new DatasetSchema(Bars, "a drifted writer",
            [DatasetColumn.Required("ticker", "VARCHAR"), DatasetColumn.Required("ts", "TIMESTAMPTZ"), DatasetColumn.Required("close", "VARCHAR"), DatasetColumn.Optional("extra", "INTEGER")],
            ["ticker", "ts"]);
        using (var writer = _lake.Writer(DatasetRegistry.Empty.Register(other)))
        {
            writer.ReplacePartition(Bars, TempLake.Day, LakeSource.FromSql(
                "SELECT 'SPY' AS ticker, TIMESTAMPTZ '2024-01-02 14:30:00+00' AS ts, '470.5' AS close, 1 AS extra"));
        }

        var problem = Assert.Single(Check().Problems);

        Assert.Equal(LakeProblemKind.SchemaMismatch, problem.Kind);
        Assert.StartsWith($"{Bars}/date=2024-01-02/part-", problem.Location);
        Assert.Contains("close is VARCHAR, declared DOUBLE", problem.Message);
        Assert.Contains("extra is not declared", problem.Message);
        Assert.Contains("open is missing", problem.Message);
    }

    [Fact]
    public void A_session_in_some_datasets_of_a_group_and_not_others_is_incomplete()
    {
        WriteBothDays();
        using (var writer = _lake.Writer()) writer.DeletePartition(Index, TempLake.NextDay);

        var problem = Assert.Single(Check().Problems);

        Assert.Equal(LakeProblemKind.IncompleteSession, problem.Kind);
        Assert.Equal((TempLake.NextDay, "date=2024-01-03"), (problem.Date, problem.Location));
        Assert.Contains($"missing from {Index}", problem.Message);
        Assert.Contains("a test feed", problem.Message);
    }

    [Fact]
    public void Repair_moves_an_unreadable_file_to_the_quarantine_area_and_keeps_the_rest_of_its_partition()
    {
        WriteBothDays();
        using (var writer = _lake.Writer()) writer.AppendToPartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(300, 50)));
        var files = _lake.Layout.PartitionFiles(Bars, TempLake.Day);
        var damaged = files.Single(f => new FileInfo(f).Length == files.Min(g => new FileInfo(g).Length)); // the appended 50 rows
        Truncate(damaged);
        var damagedBytes = File.ReadAllBytes(damaged);

        var repaired = Assert.Single(Repair(Check().Problems));

        Assert.Equal((Bars, TempLake.Day, false), (repaired.Dataset, repaired.Date, repaired.Emptied));
        var moved = Assert.Single(repaired.Moved);
        Assert.StartsWith(Path.Combine(_lake.Root, "_quarantine", "_damaged", Bars, "date=2024-01-02"), moved);
        Assert.Equal(damagedBytes, File.ReadAllBytes(moved));
        Assert.Contains("no Parquet magic", File.ReadAllText(moved + ".reason.txt"));
        Assert.Empty(Check().Problems);
        using var session = _lake.Session();
        Assert.Empty(session.Warnings);
        Assert.Equal(300L, session.Scalar<long>($"SELECT count(*) FROM {Bars} WHERE date = DATE '2024-01-02'"));
    }

    [Fact]
    public void Repair_of_a_partition_whose_only_file_is_unreadable_removes_the_partition_and_says_so()
    {
        WriteBothDays();
        Truncate(OnlyFile(Index, TempLake.Day));

        var repaired = Assert.Single(Repair(Check().Problems));

        Assert.True(repaired.Emptied);
        Assert.True(File.Exists(Assert.Single(repaired.Moved)));
        Assert.Equal([TempLake.NextDay], _lake.Layout.Partitions(Index));
        var incomplete = Assert.Single(Check().Problems);
        Assert.Equal((LakeProblemKind.IncompleteSession, TempLake.Day), (incomplete.Kind, incomplete.Date));
    }

    [Fact]
    public void Repair_with_a_report_older_than_a_rewrite_leaves_the_sound_file_of_the_same_name_in_place()
    {
        WriteBothDays();
        var file = OnlyFile(Bars, TempLake.Day);
        var sound = File.ReadAllBytes(file);
        Truncate(file);
        var stale = Check().Problems;
        // The same rows again: the same content name, now over sound bytes (the writer does not keep a damaged file).
        using (var writer = _lake.Writer()) writer.ReplacePartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 300, day: TempLake.Day)));
        Assert.Equal(Path.GetFileName(file), Path.GetFileName(OnlyFile(Bars, TempLake.Day)));

        var repaired = Repair(stale);

        Assert.Empty(repaired);
        Assert.Equal(sound, File.ReadAllBytes(OnlyFile(Bars, TempLake.Day)));
        Assert.False(Directory.Exists(_lake.Layout.DamagedDirectory(Bars, TempLake.Day)));
        Assert.Empty(Check().Problems);
    }
}
