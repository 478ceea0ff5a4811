using Spx.Research.Lake;

namespace Spx.Research.Tests.Lake;

public sealed class LakeWriteTests : IDisposable
{
    private const string Bars = "stock_bars_1m";
    private readonly TempLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public void Replacing_twice_with_the_same_input_leaves_identical_files_and_rows()
    {
        using var writer = _lake.Writer();
        var first = writer.ReplacePartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 390)));
        var before = _lake.Snapshot(Bars);

        var second = writer.ReplacePartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 390)));

        Assert.True(first.Changed);
        Assert.False(second.Changed);
        Assert.Equal(first.Files, second.Files);
        var after = _lake.Snapshot(Bars);
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, file => Assert.Equal(file.Value, after[file.Key]));
        using var session = _lake.Session();
        Assert.Equal(390L, session.Scalar<long>($"SELECT count(DISTINCT ts) FROM {Bars}"));
        Assert.Equal(390L, session.Scalar<long>($"SELECT count(*) FROM {Bars}"));
    }

    [Fact]
    public void Replace_swaps_the_whole_partition_and_leaves_other_partitions_alone()
    {
        using var writer = _lake.Writer();
        writer.AppendToPartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 10)));
        writer.AppendToPartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(10, 10)));
        writer.ReplacePartition(Bars, TempLake.NextDay, LakeSource.FromSql(TempLake.Bars(0, 5, day: TempLake.NextDay)));

        var result = writer.ReplacePartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(100, 7, offset: 1000)));

        Assert.Equal((7L, true), (result.Rows, result.Changed));
        Assert.Equal(result.Files, _lake.Layout.PartitionFiles(Bars, TempLake.Day));
        Assert.Single(result.Files);
        using var session = _lake.Session();
        Assert.Equal(7L, session.Scalar<long>($"SELECT count(*) FROM {Bars} WHERE date = DATE '2024-01-02' AND open >= 1000"));
        Assert.Equal(7L, session.Scalar<long>($"SELECT count(*) FROM {Bars} WHERE date = DATE '2024-01-02'"));
        Assert.Equal(5L, session.Scalar<long>($"SELECT count(*) FROM {Bars} WHERE date = DATE '2024-01-03'"));
    }

    [Fact]
    public void Replacing_with_no_rows_publishes_an_empty_partition()
    {
        using var writer = _lake.Writer();
        writer.ReplacePartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 10)));

        var result = writer.ReplacePartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 0)));

        Assert.Equal((0L, true), (result.Rows, result.Changed));
        Assert.Single(result.Files);
        using var session = _lake.Session();
        Assert.Equal(0L, session.Scalar<long>($"SELECT count(*) FROM {Bars}"));
        Assert.Equal(1, session.Info().Single(i => i.Dataset == Bars).Partitions);
    }

    [Fact]
    public void Append_adds_a_file_with_only_the_rows_whose_key_is_new()
    {
        using var writer = _lake.Writer();
        var first = writer.AppendToPartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 100)));
        var second = writer.AppendToPartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(50, 100, offset: 5)));
        var files = _lake.Snapshot(Bars);
        var again = writer.AppendToPartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 150)));

        Assert.Equal((100L, 100L, 0L, true), (first.Rows, first.NewRows, first.DuplicateRows, first.Changed));
        Assert.Equal((150L, 50L, 50L, true), (second.Rows, second.NewRows, second.DuplicateRows, second.Changed));
        Assert.Equal((150L, 0L, 150L, false), (again.Rows, again.NewRows, again.DuplicateRows, again.Changed));
        Assert.Equal(2, second.Files.Count);
        Assert.Equal(files.Keys, _lake.Snapshot(Bars).Keys);
        using var session = _lake.Session();
        Assert.Equal(150L, session.Scalar<long>($"SELECT count(*) FROM {Bars}"));
        Assert.Equal(150L, session.Scalar<long>($"SELECT count(DISTINCT (ticker, ts)) FROM {Bars}"));
        // The stored row wins over a re-sent one with the same key.
        Assert.Equal(520.0, session.Scalar<double>($"SELECT open FROM {Bars} WHERE ts = TIMESTAMPTZ '2024-01-02 14:30:00+00' + INTERVAL 50 MINUTE"));
    }

    [Fact]
    public void Appending_no_rows_to_a_missing_partition_creates_nothing()
    {
        using var writer = _lake.Writer();

        var result = writer.AppendToPartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 0)));

        Assert.False(result.Changed);
        Assert.Empty(result.Files);
        Assert.Empty(_lake.Layout.Partitions(Bars));
    }

    [Fact]
    public void Duplicate_keys_within_one_input_keep_the_first_row()
    {
        using var writer = _lake.Writer();
        var result = writer.ReplacePartition(Bars, TempLake.Day,
            LakeSource.FromSql($"SELECT * FROM ({TempLake.Bars(0, 3)}) UNION ALL SELECT * FROM ({TempLake.Bars(0, 3, offset: 9)})"));

        Assert.Equal((3L, 3L), (result.NewRows, result.DuplicateRows));
        using var session = _lake.Session();
        Assert.Equal(470.0, session.Scalar<double>($"SELECT min(open) FROM {Bars}"));
        Assert.Equal(472.0, session.Scalar<double>($"SELECT max(open) FROM {Bars}"));
    }

    [Fact]
    public void Compaction_merges_many_files_into_one_with_the_same_rows_and_is_idempotent()
    {
        using var writer = _lake.Writer();
        for (var poll = 0; poll < 6; poll++)
            writer.AppendToPartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(poll * 15, 15)));
        var folder = _lake.Layout.PartitionDirectory(Bars, TempLake.Day);
        Assert.Equal(6, _lake.Layout.PartitionFiles(Bars, TempLake.Day).Count);
        writer.Connection.ExecuteNonQuery($"CREATE TABLE before AS SELECT * FROM read_parquet('{folder}/*.parquet', hive_partitioning = false)");

        var compacted = writer.CompactPartition(Bars, TempLake.Day);
        var snapshot = _lake.Snapshot(Bars);
        var again = writer.CompactPartition(Bars, TempLake.Day);

        Assert.Equal((90L, true), (compacted.Rows, compacted.Changed));
        var file = Assert.Single(_lake.Layout.PartitionFiles(Bars, TempLake.Day));
        Assert.Equal((90L, false), (again.Rows, again.Changed));
        Assert.Equal([file], again.Files);
        Assert.Equal(snapshot.Keys, _lake.Snapshot(Bars).Keys);
        Assert.Equal(0L, writer.Connection.ExecuteScalar<long>(
            $"SELECT sum(n) FROM (SELECT count(*) AS n FROM (SELECT * FROM before EXCEPT ALL SELECT * FROM read_parquet('{file}', hive_partitioning = false)) " +
            $"UNION ALL SELECT count(*) FROM (SELECT * FROM read_parquet('{file}', hive_partitioning = false) EXCEPT ALL SELECT * FROM before))"));
    }

    [Fact]
    public void Compaction_reads_files_written_before_a_nullable_column_existed()
    {
        var v1 = new DatasetSchema("ticks", "test", [DatasetColumn.Required("id", "BIGINT")], ["id"]);
        var v2 = new DatasetSchema("ticks", "test", [DatasetColumn.Required("id", "BIGINT"), DatasetColumn.Optional("note", "VARCHAR")], ["id"]);
        using (var old = _lake.Writer(DatasetRegistry.Empty.Register(v1)))
            old.AppendToPartition("ticks", TempLake.Day, LakeSource.FromSql("SELECT range AS id FROM range(3)"));
        using var writer = _lake.Writer(DatasetRegistry.Empty.Register(v2));
        writer.AppendToPartition("ticks", TempLake.Day, LakeSource.FromSql("SELECT range AS id, 'new' AS note FROM range(2, 5)"));

        writer.CompactPartition("ticks", TempLake.Day);

        using var session = _lake.Session(DatasetRegistry.Empty.Register(v2));
        Assert.Equal("3|2", session.Scalar<string>("SELECT count(*) FILTER (WHERE note IS NULL) || '|' || count(note) FROM ticks"));
        Assert.Single(_lake.Layout.PartitionFiles("ticks", TempLake.Day));
    }

    [Fact]
    public void Deleting_a_partition_hides_it_from_readers()
    {
        using var writer = _lake.Writer();
        writer.ReplacePartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 10)));
        writer.ReplacePartition(Bars, TempLake.NextDay, LakeSource.FromSql(TempLake.Bars(0, 10, day: TempLake.NextDay)));

        Assert.True(writer.DeletePartition(Bars, TempLake.Day));
        Assert.False(writer.DeletePartition(Bars, TempLake.Day));

        Assert.Equal([TempLake.NextDay], _lake.Layout.Partitions(Bars));
        using var session = _lake.Session();
        Assert.Equal(10L, session.Scalar<long>($"SELECT count(*) FROM {Bars}"));
    }

    [Fact]
    public void Replaced_versions_stay_in_place_for_the_grace_period_then_go()
    {
        var clock = new ManualClock(new DateTimeOffset(2024, 1, 2, 22, 0, 0, TimeSpan.Zero));
        var options = new LakeWriterOptions { TimeProvider = clock, RetiredVersionGrace = TimeSpan.FromSeconds(30) };
        using var writer = _lake.Writer(options: options);
        var versions = Path.Combine(_lake.Layout.DatasetDirectory(Bars), ".versions", "date=2024-01-02");

        var old = writer.ReplacePartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 10)));
        var oldFile = Path.Combine(Directory.GetDirectories(versions).Single(), Path.GetFileName(old.Files[0]));
        clock.Now += TimeSpan.FromSeconds(1);
        writer.ReplacePartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 11)));
        clock.Now += TimeSpan.FromSeconds(20);
        writer.CollectGarbage(Bars);
        Assert.Equal(2, Directory.GetDirectories(versions).Length);
        Assert.True(File.Exists(oldFile), "a retired version keeps its path, so readers' snapshots stay valid");

        clock.Now += TimeSpan.FromSeconds(15);
        writer.CollectGarbage(Bars);
        var kept = Assert.Single(Directory.GetDirectories(versions));
        Assert.Equal(Path.GetFileName(kept), Path.GetFileName(new DirectoryInfo(_lake.Layout.PartitionDirectory(Bars, TempLake.Day)).LinkTarget));
        Assert.DoesNotContain(Directory.GetFiles(versions), f => f.Contains(".retired-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Concurrent_writers_of_one_partition_serialise_and_lose_nothing()
    {
        var tasks = Enumerable.Range(0, 3).Select(w => Task.Run(() =>
        {
            using var writer = _lake.Writer();
            for (var batch = 0; batch < 5; batch++)
                writer.AppendToPartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(w * 100 + batch * 10, 10)));
            writer.CompactPartition(Bars, TempLake.Day);
        })).ToArray();
        await Task.WhenAll(tasks);

        using var session = _lake.Session();
        Assert.Equal(150L, session.Scalar<long>($"SELECT count(*) FROM {Bars}"));
        Assert.Equal(150L, session.Scalar<long>($"SELECT count(DISTINCT ts) FROM {Bars}"));
    }

    [Fact]
    public void A_plain_partition_folder_is_adopted_on_the_first_write()
    {
        var folder = _lake.Layout.PartitionDirectory(Bars, TempLake.Day);
        Directory.CreateDirectory(folder);
        using var writer = _lake.Writer();
        writer.Connection.ExecuteNonQuery($"COPY ({TempLake.Bars(0, 10)}) TO '{folder}/legacy.parquet' (FORMAT parquet)");
        using (var session = _lake.Session())
            Assert.Equal(10L, session.Scalar<long>($"SELECT count(*) FROM {Bars}"));

        writer.AppendToPartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(5, 10)));
        writer.CompactPartition(Bars, TempLake.Day);

        Assert.NotNull(new DirectoryInfo(folder).LinkTarget);
        using var after = _lake.Session();
        Assert.Equal(15L, after.Scalar<long>($"SELECT count(*) FROM {Bars}"));
    }

    [Fact]
    public void Leftovers_of_a_crashed_write_are_invisible_and_cleaned_up()
    {
        using var writer = _lake.Writer();
        writer.ReplacePartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 10)));
        var crashed = Path.Combine(_lake.Layout.PartitionDirectory(Bars, TempLake.Day), ".0123456789abcdef.parquet.tmp");
        File.WriteAllBytes(crashed, [1, 2, 3]); // half a file
        using (var session = _lake.Session())
        {
            Assert.Equal(10L, session.Scalar<long>($"SELECT count(*) FROM {Bars}"));
            Assert.Equal(10L, session.Scalar<long>($"SELECT count(*) FROM read_parquet('{_lake.Layout.DatasetGlob(Bars)}')"));
        }

        writer.AppendToPartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(10, 1)));

        Assert.False(File.Exists(crashed));
    }
}
