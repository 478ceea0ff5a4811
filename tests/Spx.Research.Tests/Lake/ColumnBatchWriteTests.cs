using Spx.Research.Lake;
using static Spx.Research.Lake.DatasetColumn;

namespace Spx.Research.Tests.Lake;

/// <summary>
/// <see cref="LakeWriter.ReplacePartition(string, DateOnly, ColumnBatch)"/>: rows computed in C# are checked like any
/// other write (types, NULLs, session date, repeated keys) and written straight from their arrays; DuckDB reads them
/// back with the declared types and values.
/// </summary>
public sealed class ColumnBatchWriteTests
{
    private static readonly DatasetSchema Schema = new(
        "quotes", "a test dataset of every type a column batch carries",
        [
            Required("name", "VARCHAR"), Required("ts", "TIMESTAMPTZ"), Optional("price", "DOUBLE"), Optional("size", "BIGINT"),
            Optional("expiry", "DATE"), Optional("flag", "BOOLEAN"), Optional("note", "VARCHAR"),
        ],
        key: ["name", "ts"], sessionDateColumn: "ts");

    private static readonly DatasetRegistry Registry = DatasetRegistry.Default.Register(Schema);
    private static readonly long Open = (TempLake.Day.ToDateTime(new TimeOnly(14, 30)) - DateTime.UnixEpoch).Ticks / 10;

    [Fact]
    public void Values_and_nulls_of_every_type_read_back_with_the_declared_types()
    {
        using var lake = new TempLake();
        using var writer = lake.Writer(Registry);

        var result = writer.ReplacePartition("quotes", TempLake.Day, Batch(
            names: ["B", "A"], minutes: [1, 2], price: [1.5, 0], priceNull: [false, true], note: ["é ü", null]));

        Assert.True(result.Changed);
        using var session = lake.Session(Registry);
        Assert.Equal("VARCHAR,TIMESTAMP WITH TIME ZONE,DOUBLE,BIGINT,DATE,BOOLEAN,VARCHAR",
            string.Join(",", session.Columnar("SELECT column_type FROM (DESCRIBE SELECT * EXCLUDE (date) FROM quotes)").GetStrings("column_type")));
        var rows = session.Columnar("SELECT name, ts, price, size, expiry, flag, note FROM quotes");
        Assert.Equal(new string?[] { "A", "B" }, rows.GetStrings("name"));          // stored in key order
        Assert.Equal(new DateTime(2024, 1, 2, 14, 32, 0, DateTimeKind.Utc), rows.GetTimestamps("ts")[0]);
        Assert.Equal([true, false], rows.GetNullMask("price"));
        Assert.Equal(1.5, rows.GetColumn<double>("price")[1]);
        Assert.Equal([20L, 10L], rows.GetColumn<long>("size"));
        Assert.Equal(new DateOnly(2024, 1, 19), rows.GetColumn<DateOnly>("expiry")[0]);
        Assert.Equal([false, true], rows.GetColumn<bool>("flag"));
        Assert.Equal(new string?[] { null, "é ü" }, rows.GetStrings("note"));
    }

    [Fact]
    public void Writing_the_same_rows_again_changes_nothing()
    {
        using var lake = new TempLake();
        using var writer = lake.Writer(Registry);
        var batch = Batch(names: ["A", "B"], minutes: [1, 1]);

        var first = writer.ReplacePartition("quotes", TempLake.Day, batch);
        var before = lake.Snapshot("quotes");
        var second = writer.ReplacePartition("quotes", TempLake.Day, batch);

        Assert.True(first.Changed);
        Assert.False(second.Changed);
        Assert.Equal(before, lake.Snapshot("quotes"));
    }

    [Theory]
    [InlineData("repeat", "column 'name, ts': 1 repeated key(s) (first at row 2: name=A, ts=2024-01-02 14:31:00+00)")]
    [InlineData("null", "column 'name': 1 NULL value(s) in a NOT NULL column")]
    [InlineData("session", "column 'ts': 1 value(s) outside the New York session date 2024-01-02")]
    public void An_invalid_row_rejects_the_whole_batch_naming_column_and_row(string kind, string expected)
    {
        using var lake = new TempLake();
        using var writer = lake.Writer(Registry);
        var batch = kind switch
        {
            "repeat" => Batch(names: ["A", "A"], minutes: [1, 1]),
            "null" => Batch(names: ["A", null], minutes: [1, 2]),
            _ => Batch(names: ["A", "B"], minutes: [1, 60 * 24]),
        };

        var error = Assert.Throws<LakeSchemaException>(() => writer.ReplacePartition("quotes", TempLake.Day, batch));

        Assert.Contains(expected, error.Message);
        Assert.Contains("nothing was written", error.Message);
        Assert.Empty(lake.Layout.Partitions("quotes"));
    }

    [Fact]
    public void A_missing_column_or_a_wrong_type_is_named()
    {
        using var lake = new TempLake();
        using var writer = lake.Writer(Registry);
        var columns = Batch(names: ["A"], minutes: [1]).Columns.Where(c => c.Name != "size")
            .Select(c => c.Name == "flag" ? BatchColumn.Longs("flag", [1]) : c).ToList();

        var error = Assert.Throws<LakeSchemaException>(() => writer.ReplacePartition("quotes", TempLake.Day, new ColumnBatch(columns)));

        Assert.Contains("column 'size' is missing", error.Message);
        Assert.Contains("column 'flag' holds BIGINT, the dataset declares BOOLEAN", error.Message);
    }

    [Fact]
    public void An_integer_column_reads_back_as_INTEGER_with_its_nulls()
    {
        var schema = new DatasetSchema("hours", "a test dataset with an INTEGER column",
            [Required("name", "VARCHAR"), Required("ts", "TIMESTAMPTZ"), Optional("hour", "INTEGER")], key: ["name", "ts"], sessionDateColumn: "ts");
        var registry = DatasetRegistry.Default.Register(schema);
        using var lake = new TempLake();
        using var writer = lake.Writer(registry);

        writer.ReplacePartition("hours", TempLake.Day, new ColumnBatch(
        [
            BatchColumn.Text("name", ["B", "A", "C"]),
            BatchColumn.Instants("ts", [Open, Open, Open]),
            BatchColumn.Integers("hour", [9, -2_000_000_000, 0], [false, false, true]),
        ]));

        using var session = lake.Session(registry);
        Assert.Equal("INTEGER", session.Scalar<string>("SELECT column_type FROM (DESCRIBE hours) WHERE column_name = 'hour'"));
        var rows = session.Columnar("SELECT name, hour FROM hours");
        Assert.Equal(new string?[] { "A", "B", "C" }, rows.GetStrings("name"));
        Assert.Equal([-2_000_000_000, 9], rows.GetColumn<int>("hour")[..2]);
        Assert.Equal([false, false, true], rows.GetNullMask("hour"));
    }

    [Fact]
    public void Text_keys_are_stored_in_duckdbs_order_where_it_differs_from_utf16s()
    {
        using var lake = new TempLake();
        using var writer = lake.Writer(Registry);
        // UTF-16 puts the surrogate pair (U+1F600) before U+E000; by code point, as DuckDB sorts, it comes after.
        string[] names = ["A😀", "A", "A"];

        writer.ReplacePartition("quotes", TempLake.Day, Batch(names, minutes: [1, 1, 1]));

        using var session = lake.Session(Registry);
        var stored = session.Columnar("SELECT name FROM quotes").GetStrings("name");
        Assert.Equal(new string?[] { "A", "A\uE000", "A\U0001F600" }, stored);
        Assert.Equal(session.Columnar("SELECT name FROM quotes ORDER BY name").GetStrings("name"), stored);
    }

    [Fact]
    public void A_batch_larger_than_a_row_group_is_split_into_row_groups()
    {
        using var lake = new TempLake();
        using var writer = lake.Writer(Registry);
        var n = ParquetBatchFile.RowGroupRows + 5;
        var names = Enumerable.Range(0, n).Select(i => $"N{i:D7}").ToArray();

        var result = writer.ReplacePartition("quotes", TempLake.Day, Batch(names, new int[n]));

        using var session = lake.Session(Registry);
        Assert.Equal(n, session.Scalar<long>("SELECT count(*) FROM quotes"));
        Assert.Equal(2, session.Scalar<long>($"SELECT count(DISTINCT row_group_id) FROM parquet_metadata({SqlText.Literal(result.Files.Single())})"));
    }

    private static ColumnBatch Batch(string?[] names, int[] minutes, double[]? price = null, bool[]? priceNull = null, string?[]? note = null)
    {
        var n = names.Length;
        return new ColumnBatch(
        [
            BatchColumn.Text("name", names),
            BatchColumn.Instants("ts", minutes.Select(m => Open + m * 60_000_000L).ToArray()),
            BatchColumn.Doubles("price", price ?? new double[n], priceNull),
            BatchColumn.Longs("size", Enumerable.Range(0, n).Select(i => 10L * (i + 1)).ToArray()),
            BatchColumn.Dates("expiry", Enumerable.Repeat(new DateOnly(2024, 1, 19), n).ToArray()),
            BatchColumn.Booleans("flag", Enumerable.Range(0, n).Select(i => i == 0).ToArray()),
            BatchColumn.Text("note", note ?? new string?[n]),
        ]);
    }
}
