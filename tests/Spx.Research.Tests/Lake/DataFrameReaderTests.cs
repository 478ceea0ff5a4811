using Microsoft.Data.Analysis;
using Spx.Research.Lake;
using Spx.Research.Reporting;

namespace Spx.Research.Tests.Lake;

/// <summary>
/// <see cref="LakeSession.Frame"/> over real DuckDB queries: one typed column per DuckDB type the lake
/// stores (issue 9 §3), NULLs kept, and the bounded table a notebook shows.
/// </summary>
public sealed class DataFrameReaderTests : IDisposable
{
    private readonly TempLake _lake = new();

    public void Dispose() => _lake.Dispose();

    /// <summary>Two rows of every type; the second is all NULL.</summary>
    private const string EveryType = """
        SELECT * FROM (VALUES
          ('SPY'::VARCHAR, 1.5::DOUBLE, 9000000000::BIGINT, 7::INTEGER, true, DATE '2025-03-07',
           TIMESTAMPTZ '2025-03-07 14:30:00.123456+00', ['a', 'b']::VARCHAR[], [1, NULL, 3]::INTEGER[],
           12.25::DECIMAL(9, 2), 3::UBIGINT, 170141183460469231731687303715884105727::HUGEINT),
          (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
        ) AS t(text, number, big, small, flag, day, instant, words, numbers, price, unsigned, huge)
        """;

    public static TheoryData<string, Type, object> Columns() => new()
    {
        { "text", typeof(StringDataFrameColumn), "SPY" },
        { "number", typeof(DoubleDataFrameColumn), 1.5 },
        { "big", typeof(Int64DataFrameColumn), 9_000_000_000L },
        { "small", typeof(Int32DataFrameColumn), 7 },
        { "flag", typeof(BooleanDataFrameColumn), true },
        { "day", typeof(DateTimeDataFrameColumn), new DateTime(2025, 3, 7) },
        { "instant", typeof(DateTimeDataFrameColumn), new DateTime(2025, 3, 7, 14, 30, 0, DateTimeKind.Utc).AddTicks(1_234_560) },
        { "words", typeof(StringDataFrameColumn), "[a, b]" },
        { "numbers", typeof(StringDataFrameColumn), "[1, NULL, 3]" },
        { "price", typeof(DecimalDataFrameColumn), 12.25m },
        { "unsigned", typeof(UInt64DataFrameColumn), 3UL },
        { "huge", typeof(StringDataFrameColumn), "170141183460469231731687303715884105727" },
    };

    [Theory]
    [MemberData(nameof(Columns))]
    public void Every_DuckDB_type_gets_its_typed_column_and_NULL_stays_null(string name, Type columnType, object first)
    {
        using var session = _lake.Session();

        var frame = session.Frame(EveryType);

        Assert.Equal(2, frame.Rows.Count);
        var column = frame.Columns[name];
        Assert.IsType(columnType, column);
        Assert.Equal(first, column[0]);
        Assert.Null(column[1]);
        Assert.Equal(1, column.NullCount);
    }

    [Fact]
    public void Timestamps_with_time_zone_are_UTC_instants_and_dates_are_midnights_without_a_kind()
    {
        using var session = _lake.Session();

        var frame = session.Frame(EveryType);

        Assert.Equal(DateTimeKind.Utc, ((DateTime)frame.Columns["instant"][0]!).Kind);
        var day = (DateTime)frame.Columns["day"][0]!;
        Assert.Equal((DateTimeKind.Unspecified, TimeSpan.Zero), (day.Kind, day.TimeOfDay));
    }

    [Fact]
    public void A_lake_dataset_reads_with_its_rows_and_partition_date()
    {
        using (var writer = _lake.Writer())
            writer.ReplacePartition("stock_bars_1m", TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 30)));
        using var session = _lake.Session();

        var frame = session.Frame("SELECT ticker, ts, close, date FROM stock_bars_1m ORDER BY ts");

        Assert.Equal(30, frame.Rows.Count);
        Assert.Equal(["ticker", "ts", "close", "date"], frame.Columns.Select(c => c.Name));
        Assert.Equal(session.Scalar<double>("SELECT sum(close) FROM stock_bars_1m"), frame.Columns["close"].Cast<double?>().Sum()!.Value, 9);
        Assert.All(frame.Columns["date"].Cast<DateTime?>(), d => Assert.Equal(TempLake.Day.ToDateTime(TimeOnly.MinValue), d));
        Assert.Equal(DateTimeKind.Utc, ((DateTime)frame.Columns["ts"][0]!).Kind);
    }

    [Fact]
    public void An_empty_result_keeps_its_typed_columns()
    {
        using var session = _lake.Session();

        var frame = session.Frame("SELECT ticker, close, date FROM stock_bars_1m");

        Assert.Equal(0, frame.Rows.Count);
        Assert.Equal([typeof(StringDataFrameColumn), typeof(DoubleDataFrameColumn), typeof(DateTimeDataFrameColumn)], frame.Columns.Select(c => c.GetType()));
    }

    [Fact]
    public void A_query_on_a_missing_table_fails_naming_it()
    {
        using var session = _lake.Session();

        var error = Assert.ThrowsAny<System.Data.Common.DbException>(() => session.Frame("SELECT * FROM no_such_dataset"));

        Assert.Contains("no_such_dataset", error.Message);
    }

    [Fact]
    public void A_frame_displays_as_a_bounded_table_with_the_total_row_count()
    {
        using var session = _lake.Session();

        var frame = session.Frame("SELECT range AS n, DATE '2025-01-01' + range::INTEGER AS day FROM range(250)");
        var html = DataFrameHtml.Table(frame);

        Assert.IsType<LakeFrame>(frame);
        Assert.Equal(DataFrameHtml.RowLimit, html.Split("<tr>").Length - 2); // the header row, then the data rows
        Assert.Contains("<td>99</td><td>2025-04-10</td>", html);
        Assert.DoesNotContain("<td>100</td>", html);
        Assert.EndsWith("<p class=\"spx-more\">first 100 of 250 rows × 2 columns</p>", html);
        Assert.Equal("DataFrame: 250 rows × 2 columns (n, day)", DataFrameHtml.Summary(frame));
    }

    [Fact]
    public void Cells_are_HTML_encoded_and_nulls_are_empty()
    {
        using var session = _lake.Session();

        var html = DataFrameHtml.Table(session.Frame("SELECT '<b>&</b>' AS \"a<b\", NULL::DOUBLE AS x"));

        Assert.Contains("<th>a&lt;b</th>", html);
        Assert.Contains("<td>&lt;b&gt;&amp;&lt;/b&gt;</td><td></td>", html);
        Assert.Contains("1 row × 2 columns", html);
    }
}
