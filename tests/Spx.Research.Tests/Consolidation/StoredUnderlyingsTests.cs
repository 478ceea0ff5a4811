using Spx.Research.Consolidation;
using Spx.Research.Lake;
using static Spx.Research.Tests.Consolidation.ConsolidationTestLake;

namespace Spx.Research.Tests.Consolidation;

/// <summary>
/// <see cref="StoredUnderlyings.OnlyOf"/>: true only when the footers prove every stored row is SPY's; anything less
/// certain is false, and then a replace counts and keeps the other underlyings' rows, which must survive.
/// </summary>
public sealed class StoredUnderlyingsTests
{
    private static readonly DateOnly Monday = new(2025, 3, 3);
    private const string Call = "O:SPY250307C00580000";

    public static TheoryData<string, string?[][], bool, bool> Footers() => new()
    {
        { "SPY in one row group", [["SPY", "SPY", "SPY"]], true, true },
        { "SPY in three row groups", [["SPY"], ["SPY", "SPY"], ["SPY"]], true, true },
        { "SPY and QQQ in one row group", [["QQQ", "SPY", "SPY"]], true, false },
        { "a row group of SPY, then one of QQQ", [["SPY"], ["QQQ"]], true, false },
        { "SPY and a longer name starting with it", [["SPY", "SPYX"]], true, false },
        { "SPY and a NULL", [["SPY", null]], true, false },
        { "SPY written without statistics", [["SPY", "SPY"]], false, false },
        { "zero rows in one row group", [[]], true, false },
        { "QQQ only", [["QQQ"]], true, false },
    };

    [Theory]
    [MemberData(nameof(Footers))]
    public void A_file_is_only_spys_when_every_row_groups_statistics_say_spy_and_no_null(string file, string?[][] rowGroups, bool statistics, bool expected)
    {
        using var folder = new TempFolder();
        var path = UnderlyingColumnFile.Write(folder.File("f.parquet"), rowGroups, statistics);

        Assert.True(expected == StoredUnderlyings.OnlyOf([path], "SPY"), $"{file}: expected {expected}");
    }

    [Fact]
    public void A_file_without_an_underlying_column_or_not_parquet_is_not_proven()
    {
        using var folder = new TempFolder();
        var other = UnderlyingColumnFile.Write(folder.File("other.parquet"), [["SPY"]], column: "ticker");
        var garbage = folder.File("garbage.parquet");
        File.WriteAllBytes(garbage, [.. "PAR1"u8, 1, 2, 3, 4, 5, 6, 7, 8, .. "PAR1"u8]);

        Assert.False(StoredUnderlyings.OnlyOf([other], "SPY"));
        Assert.False(StoredUnderlyings.OnlyOf([garbage], "SPY"));
    }

    [Fact]
    public void Every_file_of_the_partition_must_be_spys()
    {
        using var folder = new TempFolder();
        var spy = UnderlyingColumnFile.Write(folder.File("spy.parquet"), [["SPY"]]);
        var spyToo = UnderlyingColumnFile.Write(folder.File("spy2.parquet"), [["SPY", "SPY"]]);
        var qqq = UnderlyingColumnFile.Write(folder.File("qqq.parquet"), [["QQQ"]]);

        Assert.True(StoredUnderlyings.OnlyOf([spy, spyToo], "SPY"));
        Assert.False(StoredUnderlyings.OnlyOf([spy, qqq], "SPY"));
        Assert.True(StoredUnderlyings.OnlyOf([qqq], "QQQ"));
    }

    [Fact]
    public void The_lakes_own_writer_gives_a_zero_row_file_no_proof_and_a_spy_file_one()
    {
        using var folder = new TempFolder();
        var empty = folder.File("empty.parquet");
        var spy = folder.File("spy.parquet");
        ParquetBatchFile.Write(new ColumnBatch([BatchColumn.Text("underlying", [])]), empty, []);
        ParquetBatchFile.Write(new ColumnBatch([BatchColumn.Text("underlying", ["SPY", "SPY"])]), spy, []);

        Assert.False(StoredUnderlyings.OnlyOf([empty], "SPY"));
        Assert.True(StoredUnderlyings.OnlyOf([spy], "SPY"));
    }

    [Fact]
    public void A_consolidated_spy_partitions_files_are_only_spys()
    {
        using var lake = new ConsolidationTestLake();
        lake.WriteOptionBars(Monday, Call, new Bar(0, 5.00), new Bar(1, 5.50));
        lake.WriteSpot(Monday, (TimeSpan.Zero, 580.0));
        lake.Consolidate(Monday, Monday);

        var files = lake.Layout.PartitionFiles("option_minutes", Monday);

        Assert.NotEmpty(files);
        Assert.True(StoredUnderlyings.OnlyOf(files, "SPY"));
        Assert.False(StoredUnderlyings.OnlyOf(files, "QQQ"));
    }

    public enum QqqStored
    {
        /// <summary>The partition is one file holding QQQ's rows and SPY's (as a run that kept QQQ's leaves it).</summary>
        InTheSameFileAsSpys,

        /// <summary>QQQ's rows were appended: a file of SPY's and a file of QQQ's.</summary>
        InAFileOfTheirOwn,
    }

    [Theory]
    [InlineData(QqqStored.InTheSameFileAsSpys)]
    [InlineData(QqqStored.InAFileOfTheirOwn)]
    public void Qqqs_stored_minutes_survive_an_spy_run(QqqStored stored)
    {
        using var lake = new ConsolidationTestLake();
        lake.WriteOptionBars(Monday, Call, new Bar(0, 5.00), new Bar(1, 5.50), new Bar(2, 4.80));
        lake.WriteSpot(Monday, (TimeSpan.Zero, 580.0));
        lake.Consolidate(Monday, Monday);
        using (var writer = new LakeWriter(lake.Layout, DatasetRegistry.Default))
        {
            var files = lake.Layout.PartitionFiles("option_minutes", Monday);
            var qqq = LakeSource.FromSql(
                $"SELECT * EXCLUDE (ticker, underlying), 'O:QQQ' || ticker[6:] AS ticker, 'QQQ' AS underlying FROM read_parquet({SqlText.FileList(files)}, hive_partitioning = false)");
            if (stored == QqqStored.InAFileOfTheirOwn)
            {
                writer.AppendToPartition("option_minutes", Monday, qqq);
            }
            else
            {
                writer.ReplacePartition("option_minutes", Monday, qqq);
                lake.Consolidate(Monday, Monday); // keeps QQQ's rows beside SPY's, in one file
            }
        }
        var before = lake.Layout.PartitionFiles("option_minutes", Monday);
        Assert.Equal(stored == QqqStored.InAFileOfTheirOwn ? 2 : 1, before.Count);
        Assert.False(StoredUnderlyings.OnlyOf(before, "SPY"));

        lake.Consolidate(Monday, Monday);

        using var session = new LakeSession(lake.Layout, DatasetRegistry.Default);
        var counts = session.Columnar("SELECT underlying, count(*) AS n FROM option_minutes GROUP BY underlying ORDER BY underlying");
        Assert.Equal("QQQ,SPY", string.Join(",", counts.GetStrings("underlying")));
        Assert.Equal([3L, 3L], counts.GetColumn<long>("n"));
    }

    /// <summary>A temp folder, deleted afterwards.</summary>
    private sealed class TempFolder : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("spx-stored-underlyings-").FullName;

        public string File(string name) => Path.Combine(_root, name);

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }
}
