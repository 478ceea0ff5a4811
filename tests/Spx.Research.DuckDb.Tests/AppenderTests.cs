namespace Spx.Research.DuckDb.Tests;

public class AppenderTests
{
    [Fact]
    public void Rows_with_nulls_and_strings_round_trip_across_many_chunks()
    {
        using var connection = Db.OpenMemory();
        connection.ExecuteNonQuery(
            "CREATE TABLE bars(ts TIMESTAMP, ticker VARCHAR, open DOUBLE, high DOUBLE, low DOUBLE, close DOUBLE, vwap DOUBLE, volume BIGINT)");
        var start = new DateTime(2024, 1, 2, 14, 30, 0);
        const int rows = 10_000;
        using (var appender = connection.CreateAppender("bars"))
        {
            for (var i = 0; i < rows; i++)
            {
                appender.BeginRow().Append(start.AddSeconds(i));
                if (i % 11 == 0) appender.AppendNull();
                else appender.Append(i % 3 == 0 ? "SPY" : i % 3 == 1 ? "SPXW 240119P04500000" : "QQQ");
                appender.Append(i + 0.25).Append(i + 0.5);
                if (i % 7 == 0) appender.AppendNull(); else appender.Append(i - 0.5);
                appender.Append(i + 0.125).Append(i + 0.0625).Append((long)i * 100);
                appender.EndRow();
            }
            Assert.Equal(rows, appender.RowCount);
        }

        Assert.Equal(rows, connection.ExecuteScalar<long>("SELECT count(*) FROM bars"));
        Assert.Equal(Enumerable.Range(0, rows).Count(i => i % 11 == 0), connection.ExecuteScalar<long>("SELECT count(*) FROM bars WHERE ticker IS NULL"));
        Assert.Equal(Enumerable.Range(0, rows).Count(i => i % 7 == 0), connection.ExecuteScalar<long>("SELECT count(*) FROM bars WHERE low IS NULL"));
        using var reader = connection.ExecuteReader("SELECT * FROM bars ORDER BY ts");
        var row = 0;
        while (reader.Read())
        {
            Assert.Equal(start.AddSeconds(row), reader.GetDateTime(0));
            if (row % 11 == 0) Assert.True(reader.IsDBNull(1));
            else Assert.Equal(row % 3 == 0 ? "SPY" : row % 3 == 1 ? "SPXW 240119P04500000" : "QQQ", reader.GetString(1));
            Assert.Equal(row + 0.25, reader.GetDouble(2));
            Assert.Equal(row % 7 == 0, reader.IsDBNull(4));
            Assert.Equal(row + 0.0625, reader.GetDouble(6));
            Assert.Equal(row * 100L, reader.GetInt64(7));
            row++;
        }
        Assert.Equal(rows, row);
    }

    [Fact]
    public void Every_supported_type_round_trips()
    {
        using var connection = Db.OpenMemory();
        connection.ExecuteNonQuery(
            "CREATE TABLE t(b BOOLEAN, i INTEGER, l BIGINT, s SMALLINT, f FLOAT, d DOUBLE, m DECIMAL(18,4), h DECIMAL(30,2), " +
            "v VARCHAR, bl BLOB, ts TIMESTAMP, tz TIMESTAMPTZ, dt DATE, tm TIME, iv INTERVAL, u UUID, tsms TIMESTAMP_MS)");
        var guid = Guid.Parse("9a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9");
        using (var appender = connection.CreateAppender("main", "t"))
        {
            appender.Append(true).Append(-5).Append(long.MinValue).Append(123).Append(1.5f).Append(2.25)
                .Append(12.34567m).Append(-123456789012345678901234.56m)
                .Append("héllo wörld, longer than twelve").Append(new byte[] { 1, 2, 3 })
                .Append(new DateTime(2024, 3, 1, 9, 30, 0, 500)).Append(new DateTimeOffset(2024, 3, 1, 9, 30, 0, TimeSpan.FromHours(-5)))
                .Append(new DateOnly(2024, 2, 29)).Append(new TimeOnly(16, 0, 1)).Append(TimeSpan.FromMinutes(90)).Append(guid)
                .Append(new DateTime(2024, 3, 1, 9, 30, 0, 500))
                .EndRow();
            for (var c = 0; c < appender.ColumnCount; c++) appender.AppendNull();
            appender.EndRow();
        }

        using var reader = connection.ExecuteReader("SELECT * FROM t");
        Assert.True(reader.Read());
        Assert.True(reader.GetBoolean(0));
        Assert.Equal(-5, reader.GetInt32(1));
        Assert.Equal(long.MinValue, reader.GetInt64(2));
        Assert.Equal((short)123, reader.GetInt16(3));
        Assert.Equal(1.5f, reader.GetFloat(4));
        Assert.Equal(2.25, reader.GetDouble(5));
        Assert.Equal(12.3457m, reader.GetDecimal(6)); // rounded to the column's scale
        Assert.Equal(-123456789012345678901234.56m, reader.GetDecimal(7));
        Assert.Equal("héllo wörld, longer than twelve", reader.GetString(8));
        Assert.Equal(new byte[] { 1, 2, 3 }, reader.GetValue(9));
        Assert.Equal(new DateTime(2024, 3, 1, 9, 30, 0, 500), reader.GetDateTime(10));
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 14, 30, 0, TimeSpan.Zero), reader.GetValue(11));
        Assert.Equal(new DateOnly(2024, 2, 29), reader.GetValue(12));
        Assert.Equal(new TimeOnly(16, 0, 1), reader.GetValue(13));
        Assert.Equal(TimeSpan.FromMinutes(90), reader.GetFieldValue<TimeSpan>(14));
        Assert.Equal(guid, reader.GetGuid(15));
        Assert.Equal(new DateTime(2024, 3, 1, 9, 30, 0, 500), reader.GetValue(16));
        Assert.True(reader.Read());
        for (var c = 0; c < reader.FieldCount; c++) Assert.True(reader.IsDBNull(c));
        Assert.False(reader.Read());
    }

    [Fact]
    public void Wrong_value_type_names_the_column_and_row_and_skips_only_that_row()
    {
        using var connection = Db.OpenMemory();
        connection.ExecuteNonQuery("CREATE TABLE quotes(ticker VARCHAR, bid DOUBLE, size INTEGER)");
        using (var appender = connection.CreateAppender("quotes"))
        {
            appender.Append("SPY").Append(500.5).Append(10).EndRow();
            appender.Append("SPY").AppendNull();
            var error = Assert.Throws<DuckDbException>(() => appender.Append("not a number"));
            Assert.Contains("'size'", error.Message);
            Assert.Contains("row 2", error.Message);
            Assert.Contains("String", error.Message);

            var second = Assert.Throws<DuckDbException>(() => appender.BeginRow().Append(1.0));
            Assert.Contains("'ticker'", second.Message);

            appender.BeginRow().Append("QQQ").Append(400.25).Append(5).EndRow();
        }
        using var reader = connection.ExecuteReader("SELECT ticker, bid, size FROM quotes ORDER BY ticker");
        Assert.True(reader.Read());
        Assert.Equal("QQQ", reader.GetString(0));
        Assert.Equal(400.25, reader.GetDouble(1));
        Assert.False(reader.IsDBNull(1));
        Assert.True(reader.Read());
        Assert.Equal("SPY", reader.GetString(0));
        Assert.False(reader.Read());
    }

    [Fact]
    public void Incomplete_or_overfull_rows_are_rejected()
    {
        using var connection = Db.OpenMemory();
        connection.ExecuteNonQuery("CREATE TABLE t(a INT, b INT)");
        using var appender = connection.CreateAppender("t");
        appender.Append(1);
        var tooFew = Assert.Throws<DuckDbException>(appender.EndRow);
        Assert.Contains("1 value(s) but the table has 2 column(s)", tooFew.Message);
        appender.Append(1).Append(2);
        var tooMany = Assert.Throws<DuckDbException>(() => appender.Append(3));
        Assert.Contains("more values", tooMany.Message);
        appender.Append(3).Append(4).EndRow();
        appender.Flush();
        Assert.Equal(7L, connection.ExecuteScalar<long>("SELECT sum(a + b) FROM t"));
    }

    [Fact]
    public void Out_of_range_integer_names_the_column()
    {
        using var connection = Db.OpenMemory();
        connection.ExecuteNonQuery("CREATE TABLE t(small TINYINT)");
        using var appender = connection.CreateAppender("t");
        var error = Assert.Throws<DuckDbException>(() => appender.Append(1000));
        Assert.Contains("'small'", error.Message);
        Assert.Contains("out of range", error.Message);
    }

    [Fact]
    public void Constraint_violation_on_flush_carries_duckdbs_message_and_keeps_earlier_rows()
    {
        using var connection = Db.OpenMemory();
        connection.ExecuteNonQuery("CREATE TABLE t(id INT PRIMARY KEY)");
        using (var first = connection.CreateAppender("t"))
        {
            first.Append(1).EndRow();
        }
        var appender = connection.CreateAppender("t");
        appender.Append(2).EndRow();
        appender.Append(1).EndRow();
        var error = Assert.Throws<DuckDbException>(appender.Flush);
        Assert.Contains("Duplicate key \"id: 1\"", error.Message);
        // The rejected batch is dropped; the appender keeps working.
        appender.Append(3).EndRow();
        appender.Dispose();
        Assert.Equal("1,3", connection.ExecuteScalar("SELECT string_agg(id::VARCHAR, ',' ORDER BY id) FROM t"));
    }

    [Fact]
    public void Missing_table_is_reported_by_duckdb()
    {
        using var connection = Db.OpenMemory();
        var error = Assert.Throws<DuckDbException>(() => connection.CreateAppender("nope"));
        Assert.Contains("nope", error.Message);
    }

    [Fact]
    public void Rows_are_visible_to_another_connection_after_flush()
    {
        var name = "Data Source=:memory:appender_" + Guid.NewGuid().ToString("N");
        using var writer = Db.Open(name);
        using var reader = Db.Open(name);
        writer.ExecuteNonQuery("CREATE TABLE t(x BIGINT)");
        using var appender = writer.CreateAppender("t");
        for (var i = 0; i < 3000; i++) appender.Append((long)i).EndRow();
        appender.Flush();
        Assert.Equal(3000L, reader.ExecuteScalar<long>("SELECT count(*) FROM t"));
    }

    [Fact]
    public void AppendValue_dispatches_on_runtime_type()
    {
        using var connection = Db.OpenMemory();
        connection.ExecuteNonQuery("CREATE TABLE t(a INT, b VARCHAR, c DOUBLE, d DATE)");
        using (var appender = connection.CreateAppender("t"))
        {
            foreach (var value in new object?[] { 5, "x", 1.5, new DateOnly(2024, 1, 1) }) appender.AppendValue(value);
            appender.EndRow();
            foreach (var value in new object?[] { (short)6, null, DBNull.Value, null }) appender.AppendValue(value);
            appender.EndRow();
        }
        Assert.Equal("5|x|1.5|2024-01-01;6|||", connection.ExecuteScalar(
            "SELECT string_agg(concat_ws('|', a, coalesce(b, ''), coalesce(c::VARCHAR, ''), coalesce(d::VARCHAR, '')), ';' ORDER BY a) FROM t"));
    }
}
