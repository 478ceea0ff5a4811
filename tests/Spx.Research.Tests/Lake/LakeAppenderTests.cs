using Spx.Research.Lake;
using static Spx.Research.Lake.DatasetColumn;

namespace Spx.Research.Tests.Lake;

/// <summary>
/// <see cref="LakeAppender"/> through <see cref="LakeWriter"/> on a real lake: every declared type round-trips with
/// NULLs, and a value of the wrong .NET type or a row of the wrong length fails with one line naming the dataset,
/// column (or row) and types, while the partition keeps what it had. Without the check DuckDB.NET stores an
/// <c>int</c> appended to a BIGINT column as garbage (ids 1 and 2 into an INTEGER column read back as 513 and 0).
/// </summary>
public sealed class LakeAppenderTests : IDisposable
{
    private static readonly DatasetSchema Everything = new(
        "appender_types",
        "One column of each type the lake appender checks.",
        [
            Required("id", "BIGINT"), Required("ts", "TIMESTAMPTZ"), Optional("name", "VARCHAR"), Optional("count", "INTEGER"),
            Optional("price", "DOUBLE"), Optional("flag", "BOOLEAN"), Optional("day", "DATE"), Optional("as_of", "TIMESTAMPTZ"),
            Optional("tags", "VARCHAR[]"),
        ],
        key: ["id"],
        sessionDateColumn: "ts");

    /// <summary>15:00 UTC = 10:00 New York on <see cref="TempLake.Day"/>.</summary>
    private static readonly DateTimeOffset Ts = new(2024, 1, 2, 15, 0, 0, TimeSpan.Zero);

    private static readonly DatasetRegistry Registry = DatasetRegistry.Default.Register(Everything);

    /// <summary>Row 2 of a write whose row 1 is valid: what it appends, and the one-line error it must raise.</summary>
    private static readonly Dictionary<string, Action<LakeAppender>> BadRows = new()
    {
        ["int into BIGINT"] = a => a.CreateRow().AppendValue(2),
        ["long into INTEGER"] = a => a.CreateRow().AppendValue(2L).AppendValue(Ts).AppendValue("b").AppendValue(5L),
        ["double into BIGINT"] = a => a.CreateRow().AppendValue(2.0),
        ["string into DOUBLE"] = a => a.CreateRow().AppendValue(2L).AppendValue(Ts).AppendValue("b").AppendValue(5).AppendValue("1.5"),
        ["bool into VARCHAR"] = a => a.CreateRow().AppendValue(2L).AppendValue(Ts).AppendValue(true),
        ["DateOnly into TIMESTAMPTZ"] = a => a.CreateRow().AppendValue(2L).AppendValue(TempLake.Day),
        ["local DateTime into TIMESTAMPTZ"] = a => a.CreateRow().AppendValue(2L).AppendValue(new DateTime(2024, 1, 2, 10, 0, 0, DateTimeKind.Local)),
        ["string into VARCHAR[]"] = a => Valid(a.CreateRow(), 2, columns: 8).AppendValue("SPY"),
        ["list into VARCHAR"] = a => a.CreateRow().AppendValue(2L).AppendValue(Ts).AppendValue(new[] { "SPY" }),
        ["too few values"] = a => Valid(a.CreateRow(), 2, columns: 7).EndRow(),
        ["too many values"] = a => Valid(a.CreateRow(), 2).AppendValue("extra"),
        ["too many NULLs"] = a => Valid(a.CreateRow(), 2).AppendNull(),
        ["row not ended"] = a => Valid(a.CreateRow(), 2),
        ["next row before EndRow"] = a => { Valid(a.CreateRow(), 2); a.CreateRow(); },
        ["value after EndRow"] = a =>
        {
            var row = Valid(a.CreateRow(), 2);
            row.EndRow();
            row.AppendValue(3L);
        },
    };

    private readonly TempLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Theory]
    [InlineData("int into BIGINT", "id", "appender_types.id is BIGINT; got Int32 (row 2)")]
    [InlineData("long into INTEGER", "count", "appender_types.count is INTEGER; got Int64 (row 2)")]
    [InlineData("double into BIGINT", "id", "appender_types.id is BIGINT; got Double (row 2)")]
    [InlineData("string into DOUBLE", "price", "appender_types.price is DOUBLE; got String (row 2)")]
    [InlineData("bool into VARCHAR", "name", "appender_types.name is VARCHAR; got Boolean (row 2)")]
    [InlineData("DateOnly into TIMESTAMPTZ", "ts", "appender_types.ts is TIMESTAMPTZ; got DateOnly (row 2)")]
    [InlineData("local DateTime into TIMESTAMPTZ", "ts", "appender_types.ts is TIMESTAMPTZ; got a DateTime of kind Local, which is not an instant (row 2)")]
    [InlineData("string into VARCHAR[]", "tags", "appender_types.tags is VARCHAR[]; got String (row 2)")]
    [InlineData("list into VARCHAR", "name", "appender_types.name is VARCHAR; got list of String (row 2)")]
    [InlineData("too few values", null, "appender_types row 2 has 7 values; the dataset has 9 columns (missing as_of, tags)")]
    [InlineData("too many values", null, "appender_types row 2 has more values than its 9 columns")]
    [InlineData("too many NULLs", null, "appender_types row 2 has more values than its 9 columns")]
    [InlineData("row not ended", null, "appender_types row 2 was not ended with EndRow (9 of 9 values)")]
    [InlineData("next row before EndRow", null, "appender_types row 2 was not ended with EndRow (9 of 9 values)")]
    [InlineData("value after EndRow", null, "appender_types row 2 was already ended; start the next row with CreateRow")]
    public void A_bad_row_fails_with_one_line_and_the_partition_keeps_its_rows(string badRow, string? column, string message)
    {
        using var writer = _lake.Writer(Registry);
        writer.ReplacePartition(Everything.Name, TempLake.Day, LakeSource.FromAppender(a =>
        {
            for (var id = 1; id <= 3; id++) Valid(a.CreateRow(), id).EndRow();
        }));
        var before = _lake.Snapshot(Everything.Name);

        var error = Assert.Throws<LakeSchemaException>(() => writer.ReplacePartition(Everything.Name, TempLake.Day, LakeSource.FromAppender(a =>
        {
            Valid(a.CreateRow(), 10).EndRow();
            BadRows[badRow](a);
        })));

        Assert.Equal(message, error.Message);
        Assert.Equal((Everything.Name, column), (error.Dataset, error.Column));
        Assert.Equal(before, _lake.Snapshot(Everything.Name));
        using var session = _lake.Session(Registry);
        Assert.Equal("1,2,3", session.Scalar<string>("SELECT string_agg(id::VARCHAR, ',' ORDER BY id) FROM appender_types"));
        // The writer's connection is still usable: the next write goes through.
        Assert.Equal(1, writer.ReplacePartition(Everything.Name, TempLake.NextDay, LakeSource.FromAppender(a =>
            Valid(a.CreateRow(), 4, ts: Ts.AddDays(1)).EndRow())).Rows);
    }

    [Fact]
    public void A_bad_row_in_a_later_chunk_is_named_by_its_number_in_the_write()
    {
        // DuckDB.NET hands rows to DuckDB in chunks of 2048 and reuses the chunk's memory; the row count runs
        // across chunks, and the first chunk, already handed over, is dropped with the rest.
        using var writer = _lake.Writer(Registry);
        writer.ReplacePartition(Everything.Name, TempLake.Day, LakeSource.FromAppender(a => Valid(a.CreateRow(), 1).EndRow()));
        var before = _lake.Snapshot(Everything.Name);

        var error = Assert.Throws<LakeSchemaException>(() => writer.ReplacePartition(Everything.Name, TempLake.Day, LakeSource.FromAppender(a =>
        {
            for (var id = 1; id <= 2048; id++) Valid(a.CreateRow(), id, ts: Ts).EndRow();
            a.CreateRow().AppendValue(2049L).AppendValue(Ts).AppendValue(2049);
        })));

        Assert.Equal("appender_types.name is VARCHAR; got Int32 (row 2049)", error.Message);
        Assert.Equal(before, _lake.Snapshot(Everything.Name));
    }

    [Fact]
    public void Every_declared_type_round_trips_with_NULLs_typed_and_untyped()
    {
        var eastern = new DateTimeOffset(2024, 1, 2, 9, 45, 30, TimeSpan.FromHours(-5)).AddTicks(1230); // 14:45:30.000123 UTC
        var utc = new DateTime(1999, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_990);
        const string text = "Ünïcødé text longer than twelve bytes ✓";
        using (var writer = _lake.Writer(Registry))
        {
            writer.ReplacePartition(Everything.Name, TempLake.Day, LakeSource.FromAppender(a =>
            {
                a.CreateRow().AppendValue(long.MaxValue).AppendValue(eastern).AppendValue(text).AppendValue(int.MinValue).AppendValue(-0.5)
                    .AppendValue(true).AppendValue(new DateOnly(1970, 1, 1)).AppendValue(utc).AppendValue(new List<string?> { "SPY", null, "" }).EndRow();
                a.CreateRow().AppendValue(long.MinValue).AppendValue(Ts).AppendValue((string?)null).AppendValue((int?)null).AppendValue((double?)null)
                    .AppendValue((bool?)null).AppendValue((DateOnly?)null).AppendValue((DateTime?)null).AppendValue((IEnumerable<string>?)null).EndRow();
                a.CreateRow().AppendValue(0L).AppendValue(Ts).AppendNull().AppendNull().AppendNull()
                    .AppendNull().AppendNull().AppendValue((DateTimeOffset?)null).AppendValue(Array.Empty<string>()).EndRow();
                a.CreateRow().AppendValue(1L).AppendValue((DateTime?)Ts.UtcDateTime).AppendValue("").AppendValue(int.MaxValue).AppendValue(double.MaxValue)
                    .AppendValue(false).AppendValue(new DateOnly(9999, 12, 31)).AppendNull().AppendNull().EndRow();
            }));
        }

        using var session = _lake.Session(Registry);
        var rows = session.Query("SELECT * EXCLUDE (date) FROM appender_types ORDER BY id", r =>
        {
            var read = new List<object?[]>();
            while (r.Read()) read.Add(Enumerable.Range(0, r.FieldCount).Select(i => DuckDbValue.Read(r, i)).ToArray());
            return read;
        });

        object?[][] expected =
        [
            [long.MinValue, Ts.UtcDateTime, null, null, null, null, null, null, null],
            [0L, Ts.UtcDateTime, null, null, null, null, null, null, new List<string>()],
            [1L, Ts.UtcDateTime, "", int.MaxValue, double.MaxValue, false, new DateOnly(9999, 12, 31), null, null],
            [long.MaxValue, eastern.UtcDateTime, text, int.MinValue, -0.5, true, new DateOnly(1970, 1, 1), utc, new List<string?> { "SPY", null, "" }],
        ];
        Assert.Equal(expected.Length, rows.Count);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], rows[i]);
        Assert.Equal(
            "BIGINT|TIMESTAMP WITH TIME ZONE|VARCHAR|INTEGER|DOUBLE|BOOLEAN|DATE|TIMESTAMP WITH TIME ZONE|VARCHAR[]",
            session.Scalar<string>("SELECT concat_ws('|', typeof(id), typeof(ts), typeof(name), typeof(count), typeof(price), typeof(flag), typeof(day), typeof(as_of), typeof(tags)) FROM appender_types LIMIT 1"));
    }

    [Theory]
    [InlineData("BIGINT", "INT8", "LONG")]
    [InlineData("INTEGER", "INT", "INT4")]
    [InlineData("VARCHAR", "TEXT", "STRING")]
    [InlineData("DOUBLE", "FLOAT8", "double")]
    [InlineData("TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE", "timestamp  with time zone")]
    [InlineData("VARCHAR[]", "TEXT[]", "string[]")]
    public void DuckDBs_type_aliases_are_checked_like_the_type(string type, string alias, string otherAlias)
    {
        Assert.NotEqual(AppendableType.Unsupported, AppendableTypes.Of(type));
        Assert.Equal(AppendableTypes.Of(type), AppendableTypes.Of(alias));
        Assert.Equal(AppendableTypes.Of(type), AppendableTypes.Of(otherAlias));
    }

    [Fact]
    public void A_column_of_a_type_without_an_overload_takes_only_NULL()
    {
        var prices = new DatasetSchema("decimal_prices", "A DECIMAL column.", [Required("id", "BIGINT"), Optional("price", "DECIMAL(18,3)")], key: ["id"]);
        using var writer = _lake.Writer(DatasetRegistry.Empty.Register(prices));

        Assert.Equal(1, writer.ReplacePartition(prices.Name, TempLake.Day, LakeSource.FromAppender(a => a.CreateRow().AppendValue(1L).AppendNull().EndRow())).Rows);
        var error = Assert.Throws<LakeSchemaException>(() => writer.ReplacePartition(prices.Name, TempLake.Day, LakeSource.FromAppender(a =>
            a.CreateRow().AppendValue(2L).AppendValue(1.5).EndRow())));
        Assert.Equal("decimal_prices.price is DECIMAL(18,3); got Double (row 1)", error.Message);
    }

    /// <summary>A valid row <paramref name="id"/>, its first <paramref name="columns"/> values appended, not ended.</summary>
    private static LakeAppenderRow Valid(LakeAppenderRow row, long id, int columns = 9, DateTimeOffset? ts = null)
    {
        Action<LakeAppenderRow>[] values =
        [
            r => r.AppendValue(id), r => r.AppendValue(ts ?? Ts.AddMinutes(id)), r => r.AppendValue($"row {id}"), r => r.AppendValue((int)id),
            r => r.AppendValue(id * 1.5), r => r.AppendValue(id % 2 == 0), r => r.AppendValue(TempLake.Day), r => r.AppendValue(Ts.UtcDateTime),
            r => r.AppendValue(["SPY", $"n{id}"]),
        ];
        foreach (var append in values.Take(columns)) append(row);
        return row;
    }
}
