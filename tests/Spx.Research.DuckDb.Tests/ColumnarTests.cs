namespace Spx.Research.DuckDb.Tests;

public class ColumnarTests
{
    private const string Query =
        "SELECT TIMESTAMP '2024-01-02 14:30:00' + INTERVAL (i) SECOND AS ts, " +
        "CASE WHEN i % 13 = 0 THEN NULL ELSE ['SPY', 'QQQ', 'IWM'][1 + i % 3] END AS ticker, " +
        "CASE WHEN i % 7 = 0 THEN NULL ELSE i * 0.5 END::DOUBLE AS close, " +
        "i::BIGINT AS volume, (i % 100)::INTEGER AS small, i % 2 = 0 AS even, " +
        "(i / 100)::DECIMAL(18,2) AS price, DATE '2024-01-01' + (i % 30)::INTEGER AS day " +
        "FROM range(10000) t(i) ORDER BY i";

    [Fact]
    public void Columnar_read_equals_reader_output()
    {
        using var connection = Db.OpenMemory();
        var columnar = connection.ExecuteColumnar(Query);
        Assert.Equal(10000, columnar.RowCount);
        Assert.Equal(["ts", "ticker", "close", "volume", "small", "even", "price", "day"], columnar.ColumnNames);
        Assert.Equal("TIMESTAMP", columnar.ColumnTypes[0]);
        Assert.Equal("DECIMAL(18,2)", columnar.ColumnTypes[6]);

        var ts = columnar.GetTimestamps("ts");
        var tsMicros = columnar.GetColumn<long>("ts");
        var ticker = columnar.GetStrings("ticker");
        var close = columnar.GetColumn<double>("close");
        var closeNulls = columnar.GetNullMask("close");
        var volume = columnar.GetColumn<long>("volume");
        var small = columnar.GetColumn<int>("small");
        var even = columnar.GetColumn<bool>("even");
        var price = columnar.GetColumn<decimal>("price");
        var day = columnar.GetColumn<DateOnly>("day");
        Assert.True(columnar.HasNulls("close"));
        Assert.False(columnar.HasNulls("volume"));

        using var reader = connection.ExecuteReader(Query);
        var row = 0;
        while (reader.Read())
        {
            Assert.Equal(reader.GetDateTime(0), ts[row]);
            Assert.Equal((reader.GetDateTime(0).Ticks - DateTime.UnixEpoch.Ticks) / 10, tsMicros[row]);
            Assert.Equal(reader.IsDBNull(1) ? null : reader.GetString(1), ticker[row]);
            Assert.Equal(reader.IsDBNull(2), closeNulls[row]);
            Assert.Equal(reader.IsDBNull(2) ? 0.0 : reader.GetDouble(2), close[row]);
            Assert.Equal(reader.GetInt64(3), volume[row]);
            Assert.Equal(reader.GetInt32(4), small[row]);
            Assert.Equal(reader.GetBoolean(5), even[row]);
            Assert.Equal(reader.GetDecimal(6), price[row]);
            Assert.Equal(reader.GetFieldValue<DateOnly>(7), day[row]);
            row++;
        }
        Assert.Equal(columnar.RowCount, row);
    }

    [Fact]
    public void Wrong_element_type_is_a_clear_error()
    {
        using var connection = Db.OpenMemory();
        var columnar = connection.ExecuteColumnar("SELECT 1::INTEGER AS a");
        var error = Assert.Throws<InvalidCastException>(() => columnar.GetColumn<double>("a"));
        Assert.Contains("INTEGER", error.Message);
        Assert.Throws<IndexOutOfRangeException>(() => columnar.GetColumn<int>("b"));
    }

    [Fact]
    public void Empty_result_has_columns_but_no_rows()
    {
        using var connection = Db.OpenMemory();
        var columnar = connection.ExecuteColumnar("SELECT 1.0::DOUBLE AS x, 'a' AS y WHERE false");
        Assert.Equal(0, columnar.RowCount);
        Assert.Empty(columnar.GetColumn<double>("x"));
        Assert.Empty(columnar.GetStrings("y"));
    }

    [Fact]
    public void Nested_and_uncommon_types_fall_back_to_objects()
    {
        using var connection = Db.OpenMemory();
        var columnar = connection.ExecuteColumnar("SELECT [i, NULL] AS l, NULL AS n, INTERVAL (i) DAY AS iv FROM range(3) t(i)");
        var lists = columnar.GetColumn<object?>("l");
        Assert.Equal(new long?[] { 2, null }, lists[2]);
        Assert.True(columnar.GetNullMask("n").All(x => x));
        Assert.Equal(new DuckDbInterval(0, 2, 0), columnar.GetColumn<DuckDbInterval>("iv")[2]);
    }
}
