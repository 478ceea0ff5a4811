using Spx.Research.Lake;

namespace Spx.Research.Tests.Lake;

/// <summary>
/// <see cref="ParquetBatchFile"/> on its own: the bytes depend only on the batch's values (files are named by
/// content), an empty batch still carries the schema, text spanning row groups reads back exactly, and the
/// statistics readers prune on are there.
/// </summary>
public sealed class ColumnBatchFileTests
{
    private static readonly string[] Key = ["name", "ts"];

    private static readonly long Open = (TempLake.Day.ToDateTime(new TimeOnly(14, 30)) - DateTime.UnixEpoch).Ticks / 10;

    [Fact]
    public void The_bytes_depend_only_on_the_values_not_on_which_string_objects_hold_them()
    {
        using var lake = new TempLake();
        var names = new string?[] { "SPY", "SPY", null, "QQQ", "SPY" };
        var copies = names.Select(n => n is null ? null : new string(n.AsSpan())).ToArray();   // equal values, other objects
        var first = Path.Combine(lake.Root, "a.parquet");
        var second = Path.Combine(lake.Root, "b.parquet");

        ParquetBatchFile.Write(Batch(names), first, Key);
        ParquetBatchFile.Write(Batch(copies), second, Key);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        using var session = lake.Session();
        Assert.Equal(names, session.Columnar($"SELECT name FROM read_parquet('{first}')").GetStrings("name"));
    }

    [Fact]
    public void A_batch_of_no_rows_writes_a_file_with_the_schema()
    {
        using var lake = new TempLake();
        var path = Path.Combine(lake.Root, "empty.parquet");

        ParquetBatchFile.Write(Batch([]), path, Key);

        using var session = lake.Session();
        Assert.Equal(0, session.Scalar<long>($"SELECT count(*) FROM read_parquet('{path}')"));
        Assert.Equal("VARCHAR,TIMESTAMP WITH TIME ZONE,DOUBLE,BIGINT,DATE,BOOLEAN",
            string.Join(",", session.Columnar($"SELECT column_type FROM (DESCRIBE SELECT * FROM read_parquet('{path}'))").GetStrings("column_type")));
    }

    [Fact]
    public void Text_spanning_row_groups_reads_back_in_order_with_statistics_per_row_group()
    {
        using var lake = new TempLake();
        var path = Path.Combine(lake.Root, "big.parquet");
        var n = ParquetBatchFile.RowGroupRows + 7;
        var names = Enumerable.Range(0, n).Select(i => i % 1000 == 0 ? null : $"T{i / 1000:D4}").ToArray();

        ParquetBatchFile.Write(Batch(names), path, Key);

        using var session = lake.Session();
        Assert.Equal(names, session.Columnar($"SELECT name FROM read_parquet('{path}')").GetStrings("name"));
        var stats = session.Columnar(
            $"SELECT path_in_schema, stats_min_value, stats_max_value FROM parquet_metadata('{path}') WHERE path_in_schema IN ('name', 'ts') ORDER BY row_group_id, path_in_schema");
        Assert.Equal(new string?[] { "name", "ts", "name", "ts" }, stats.GetStrings("path_in_schema"));
        var (min, max) = (stats.GetStrings("stats_min_value"), stats.GetStrings("stats_max_value"));
        Assert.Equal(("T0000", "T0122"), (min[0], max[0]));      // row group 1: rows 0 .. 122879
        Assert.Equal(("T0122", "T0122"), (min[2], max[2]));      // row group 2: its own 7 rows
        Assert.All(new[] { min[1], max[1], min[3], max[3] }, Assert.NotNull);
    }

    [Theory]
    [InlineData("ticker", true)]        // a key column: sorted, so row groups prune
    [InlineData("underlying", true)]    // one value throughout: a file prunes as a whole
    [InlineData("note", false)]         // neither: every row group spans the values, statistics would prune nothing
    public void Text_statistics_are_written_for_key_columns_and_single_valued_ones_only(string column, bool expected)
    {
        using var lake = new TempLake();
        var path = Path.Combine(lake.Root, "stats.parquet");
        var batch = new ColumnBatch(
        [
            BatchColumn.Text("ticker", ["A", "B", "C", "D"]),
            BatchColumn.Text("underlying", ["SPY", new string("SPY".AsSpan()), "SPY", "SPY"]),
            BatchColumn.Text("note", ["x", "y", "x", null]),
            BatchColumn.Instants("ts", [Open, Open, Open, Open]),
        ]);

        ParquetBatchFile.Write(batch, path, ["ticker", "ts"]);

        using var session = lake.Session();
        var min = session.Columnar($"SELECT stats_min_value FROM parquet_metadata('{path}') WHERE path_in_schema = '{column}'").GetStrings("stats_min_value");
        Assert.Equal(expected, min.Single() is not null);
    }

    [Fact]
    public void Arrays_longer_than_the_batch_write_only_the_batch_rows()
    {
        using var lake = new TempLake();
        var path = Path.Combine(lake.Root, "prefix.parquet");
        // A writer reusing its arrays hands over longer ones; the rows past the batch are an earlier batch's leftovers.
        var batch = new ColumnBatch(
        [
            BatchColumn.Text("name", ["A", "B", "stale", "stale"], rows: 2),
            BatchColumn.Instants("ts", [Open, Open + 1, 0, 0], rows: 2),
            BatchColumn.Doubles("price", [1.5, 2.5, 99, 99], [false, true, true, false], rows: 2),
        ]);

        ParquetBatchFile.Write(batch, path, Key);

        using var session = lake.Session();
        var rows = session.Columnar($"SELECT name, price FROM read_parquet('{path}')");
        Assert.Equal(new string?[] { "A", "B" }, rows.GetStrings("name"));
        Assert.Equal(new[] { false, true }, rows.GetNullMask("price"));
        Assert.Equal(1.5, rows.GetColumn<double>("price")[0]);
    }

    private static ColumnBatch Batch(string?[] names)
    {
        var n = names.Length;
        return new ColumnBatch(
        [
            BatchColumn.Text("name", names),
            BatchColumn.Instants("ts", Enumerable.Range(0, n).Select(i => Open + i * 1_000_000L).ToArray()),
            BatchColumn.Doubles("price", Enumerable.Range(0, n).Select(i => i * 0.5).ToArray(), Enumerable.Range(0, n).Select(i => i % 3 == 0).ToArray()),
            BatchColumn.Longs("size", Enumerable.Range(0, n).Select(i => (long)i).ToArray()),
            BatchColumn.Dates("expiry", Enumerable.Repeat(new DateOnly(2024, 1, 19), n).ToArray()),
            BatchColumn.Booleans("flag", Enumerable.Range(0, n).Select(i => i % 2 == 0).ToArray()),
        ]);
    }
}
