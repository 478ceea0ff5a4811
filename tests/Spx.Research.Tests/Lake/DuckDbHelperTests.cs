using DuckDB.NET.Data;
using Spx.Research.Lake;

namespace Spx.Research.Tests.Lake;

/// <summary>
/// The lake's column types through DuckDB.NET and our helpers over it: a value goes in as a parameter
/// or through the appender, comes back unchanged from the reader and the columnar read, and a NULL
/// stays NULL. Each case is a type some dataset declares (see <c>FoundationDatasets</c>).
/// </summary>
public sealed class DuckDbHelperTests : IDisposable
{
    private static readonly DateTimeOffset Instant = new(2024, 3, 15, 10, 30, 0, 123, TimeSpan.FromHours(-4));

    // Type, value in, value the reader's GetValue gives back (TIMESTAMPTZ: DuckDB.NET boxes the UTC DateTime).
    public static TheoryData<string, object, object> LakeTypes() => new()
    {
        { "VARCHAR", "héllo 🌍 well past twelve bytes", "héllo 🌍 well past twelve bytes" },
        { "VARCHAR", "", "" },
        { "DOUBLE", Math.PI, Math.PI },
        { "DOUBLE", -0.0001, -0.0001 },
        { "BIGINT", long.MaxValue, long.MaxValue },
        { "INTEGER", int.MinValue, int.MinValue },
        { "BOOLEAN", true, true },
        { "DATE", new DateOnly(2024, 2, 29), new DateOnly(2024, 2, 29) },
        { "TIMESTAMPTZ", Instant, new DateTime(2024, 3, 15, 14, 30, 0, 123) },
    };

    private readonly DuckDBConnection _connection = new("Data Source=:memory:");

    public DuckDbHelperTests()
    {
        _connection.Open();
        _connection.ExecuteNonQuery("SET TimeZone = 'UTC'");
    }

    public void Dispose() => _connection.Dispose();

    [Theory]
    [MemberData(nameof(LakeTypes))]
    public void A_parameter_round_trips_through_the_reader_with_nulls(string type, object value, object expected)
    {
        _connection.ExecuteNonQuery($"CREATE TABLE t (id INTEGER, v {type})");
        Assert.Equal(1, _connection.ExecuteNonQuery("INSERT INTO t VALUES (1, ?)", value));
        Assert.Equal(1, _connection.ExecuteNonQuery("INSERT INTO t VALUES (2, ?)", (object?)null));

        using var reader = _connection.ExecuteReader("SELECT v FROM t ORDER BY id");
        Assert.True(reader.Read());
        Assert.Equal(expected, reader.GetValue(0));
        Assert.True(reader.Read());
        Assert.True(reader.IsDBNull(0));
        Assert.False(reader.Read());
        Assert.Equal(1L, _connection.ExecuteScalar<long>("SELECT count(*) FROM t WHERE v = ?", value));
    }

    [Theory]
    [MemberData(nameof(LakeTypes))]
    public void An_appended_value_reads_back_the_same_in_rows_and_columns(string type, object value, object expected)
    {
        // A BIGINT id appended as 1L: an int literal would bind to AppendValue(sbyte?), and DuckDB.NET writes
        // its one byte into the column unchecked (the reason for LakeAppender).
        _connection.ExecuteNonQuery($"CREATE TABLE t (id BIGINT, v {type})");
        using (var appender = _connection.CreateAppender("t"))
        {
            Append(appender.CreateRow().AppendValue(1L), value).EndRow();
            appender.CreateRow().AppendValue(2L).AppendNullValue().EndRow();
        }

        Assert.Equal(expected, _connection.ExecuteScalar("SELECT v FROM t WHERE id = 1"));
        Assert.Same(DBNull.Value, _connection.ExecuteScalar("SELECT v FROM t WHERE id = 2"));

        var columns = _connection.ExecuteColumnar("SELECT v FROM t ORDER BY id");
        Assert.Equal(2, columns.RowCount);
        Assert.Equal([false, true], columns.GetNullMask("v"));
        Assert.Equal(Columnar(expected), columns.GetColumn(0).GetValue(0));
    }

    [Fact]
    public void Lists_of_text_and_doubles_round_trip_from_the_appender_and_sql()
    {
        _connection.ExecuteNonQuery("CREATE TABLE t (id BIGINT, tickers VARCHAR[], prices DOUBLE[])");
        using (var appender = _connection.CreateAppender("t"))
        {
            appender.CreateRow().AppendValue(1L).AppendValue(new[] { "SPY", "QQQ" }).AppendValue(new[] { 1.5, -2.25 }).EndRow();
            appender.CreateRow().AppendValue(2L).AppendValue(Array.Empty<string>()).AppendNullValue().EndRow();
        }
        _connection.ExecuteNonQuery("INSERT INTO t VALUES (3, ['IWM', NULL], [0.0])");

        using var reader = _connection.ExecuteReader("SELECT tickers, prices FROM t ORDER BY id");
        Assert.True(reader.Read());
        Assert.Equal(["SPY", "QQQ"], reader.GetFieldValue<List<string>>(0));
        Assert.Equal([1.5, -2.25], reader.GetFieldValue<List<double>>(1));
        Assert.True(reader.Read());
        Assert.Empty(reader.GetFieldValue<List<string>>(0));
        Assert.True(reader.IsDBNull(1));
        Assert.True(reader.Read());
        Assert.Equal(["IWM", null], reader.GetFieldValue<List<string?>>(0));
        Assert.Equal("VARCHAR[]|DOUBLE[]", _connection.ExecuteScalar<string>("SELECT typeof(tickers) || '|' || typeof(prices) FROM t LIMIT 1"));
    }

    [Fact]
    public void The_columnar_read_equals_the_reader_row_by_row_with_nulls()
    {
        const string query =
            "SELECT TIMESTAMPTZ '2024-01-02 14:30:00+00' + INTERVAL (i) SECOND AS ts, " +
            "CASE WHEN i % 13 = 0 THEN NULL ELSE ['SPY', 'QQQ', 'IWM'][1 + i % 3] END AS ticker, " +
            "CASE WHEN i % 7 = 0 THEN NULL ELSE i * 0.5 END::DOUBLE AS close, " +
            "i::BIGINT AS volume, (i % 100)::INTEGER AS small, i % 2 = 0 AS even, DATE '2024-01-01' + (i % 30)::INTEGER AS day " +
            "FROM range(5000) t(i) ORDER BY i";
        var columns = _connection.ExecuteColumnar(query);
        Assert.Equal(5000, columns.RowCount); // more than one 2048-row chunk and one growth of the arrays
        Assert.Equal(["ts", "ticker", "close", "volume", "small", "even", "day"], columns.ColumnNames);
        Assert.True(columns.HasNulls("close"));
        Assert.False(columns.HasNulls("volume"));
        var (ts, ticker, close, closeNulls) = (columns.GetTimestamps("ts"), columns.GetStrings("ticker"), columns.GetColumn<double>("close"), columns.GetNullMask("close"));
        var (volume, small, even, day) = (columns.GetColumn<long>("volume"), columns.GetColumn<int>("small"), columns.GetColumn<bool>("even"), columns.GetColumn<DateOnly>("day"));

        using var reader = _connection.ExecuteReader(query);
        var row = 0;
        while (reader.Read())
        {
            Assert.Equal(reader.GetFieldValue<DateTimeOffset>(0).UtcDateTime, ts[row]);
            Assert.Equal(DateTimeKind.Utc, ts[row].Kind);
            Assert.Equal(reader.IsDBNull(1) ? null : reader.GetString(1), ticker[row]);
            Assert.Equal(reader.IsDBNull(2), closeNulls[row]);
            Assert.Equal(reader.IsDBNull(2) ? 0.0 : reader.GetDouble(2), close[row]);
            Assert.Equal(reader.GetInt64(3), volume[row]);
            Assert.Equal(reader.GetInt32(4), small[row]);
            Assert.Equal(reader.GetBoolean(5), even[row]);
            Assert.Equal(reader.GetFieldValue<DateOnly>(6), day[row]);
            row++;
        }
        Assert.Equal(columns.RowCount, row);
    }

    [Fact]
    public void The_columnar_read_names_what_it_found_when_asked_for_the_wrong_column()
    {
        var columns = _connection.ExecuteColumnar("SELECT 1::INTEGER AS a, [1, 2] AS l");
        var wrongType = Assert.Throws<InvalidCastException>(() => columns.GetColumn<double>("a"));
        Assert.Contains("'a' is Integer, stored as Int32[]", wrongType.Message);
        var missing = Assert.Throws<IndexOutOfRangeException>(() => columns.GetColumn<int>("b"));
        Assert.Contains("columns: a, l", missing.Message);
        Assert.Equal(new int?[] { 1, 2 }, (IEnumerable<int?>)columns.GetColumn<object?>("l")[0]!);
    }

    [Fact]
    public void An_empty_result_has_its_columns_and_no_rows()
    {
        var columns = _connection.ExecuteColumnar("SELECT 1.0::DOUBLE AS x, 'a' AS y WHERE false");
        Assert.Equal(0, columns.RowCount);
        Assert.Empty(columns.GetColumn<double>("x"));
        Assert.Empty(columns.GetStrings("y"));
    }

    [Fact]
    public void Scalars_give_the_first_value_or_default_and_statements_their_row_counts()
    {
        _connection.ExecuteNonQuery("CREATE TABLE t AS SELECT range AS x FROM range(5)");
        Assert.Equal(10L, _connection.ExecuteScalar<long>("SELECT CAST(sum(x) AS BIGINT) FROM t"));
        Assert.Equal(0L, _connection.ExecuteScalar<long>("SELECT x FROM t WHERE false"));
        Assert.Null(_connection.ExecuteScalar<string>("SELECT NULL::VARCHAR"));
        Assert.Equal(2, _connection.ExecuteNonQuery("DELETE FROM t WHERE x < ?", 2));
        using var folder = new TempFolder();
        Assert.Equal(3, _connection.ExecuteNonQuery($"COPY t TO {SqlText.Literal(Path.Combine(folder.Path, "t.parquet"))} (FORMAT parquet)"));
    }

    [Fact]
    public void A_sql_error_is_a_DuckDBException_with_duckdbs_message()
    {
        var error = Assert.Throws<DuckDBException>(() => _connection.ExecuteScalar<long>("SELECT * FROM no_such_table"));
        Assert.Contains("no_such_table", error.Message);
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("my \"table\"", "\"my \"\"table\"\"\"")]
    public void Identifiers_are_quoted_with_embedded_quotes_doubled(string name, string quoted)
    {
        Assert.Equal(quoted, SqlText.Identifier(name));
        _connection.ExecuteNonQuery($"CREATE TABLE {SqlText.Identifier(name)} (x INTEGER)");
        Assert.Equal(0L, _connection.ExecuteScalar<long>($"SELECT count(*) FROM {SqlText.Identifier(name)}"));
    }

    private static IDuckDBAppenderRow Append(IDuckDBAppenderRow row, object value) => value switch
    {
        string text => row.AppendValue(text),
        double number => row.AppendValue(number),
        long number => row.AppendValue(number),
        int number => row.AppendValue(number),
        bool flag => row.AppendValue(flag),
        DateOnly date => row.AppendValue(date),
        DateTimeOffset instant => row.AppendValue(instant),
        _ => throw new ArgumentException($"No appender case for {value.GetType().Name}."),
    };

    /// <summary>What the columnar read stores for a reader value: TIMESTAMPTZ as a UTC DateTime.</summary>
    private static object Columnar(object readerValue) =>
        readerValue is DateTime time ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : readerValue;

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("spx-duckdb-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
