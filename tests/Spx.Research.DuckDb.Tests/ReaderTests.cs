using System.Data;

namespace Spx.Research.DuckDb.Tests;

public class ReaderTests
{
    [Fact]
    public void Metadata_names_types_and_ordinals()
    {
        using var connection = Db.OpenMemory();
        using var reader = connection.ExecuteReader(
            "SELECT 1::BIGINT AS Id, 'x' AS name, 1.25::DECIMAL(18,3) AS price, [1] AS ids, now()::TIMESTAMPTZ AS at, 2.0::DOUBLE AS close");
        Assert.Equal(6, reader.FieldCount);
        Assert.Equal("Id", reader.GetName(0));
        Assert.Equal(0, reader.GetOrdinal("id"));
        Assert.Equal(1, reader.GetOrdinal("name"));
        Assert.Throws<IndexOutOfRangeException>(() => reader.GetOrdinal("missing"));
        Assert.Equal(["BIGINT", "VARCHAR", "DECIMAL(18,3)", "INTEGER[]", "TIMESTAMP WITH TIME ZONE", "DOUBLE"],
            Enumerable.Range(0, 6).Select(reader.GetDataTypeName));
        Assert.Equal([typeof(long), typeof(string), typeof(decimal), typeof(int?[]), typeof(DateTimeOffset), typeof(double)],
            Enumerable.Range(0, 6).Select(reader.GetFieldType));
        var schema = reader.GetSchemaTable();
        Assert.Equal("price", schema.Rows[2]["ColumnName"]);
        Assert.Equal("DECIMAL(18,3)", schema.Rows[2]["DataTypeName"]);
    }

    [Fact]
    public void Reads_many_chunks_in_order()
    {
        using var connection = Db.OpenMemory();
        using var reader = connection.ExecuteReader("SELECT i, i * 0.5 AS half, 'row' || i AS label FROM range(100000) t(i) ORDER BY i");
        long expected = 0;
        while (reader.Read())
        {
            Assert.Equal(expected, reader.GetInt64(0));
            if (expected % 9973 == 0)
            {
                Assert.Equal(expected * 0.5, reader.GetDouble(1));
                Assert.Equal("row" + expected, reader.GetString(2));
            }
            expected++;
        }
        Assert.Equal(100000, expected);
        Assert.False(reader.Read());
    }

    [Fact]
    public void Constant_and_dictionary_vectors_read_correctly()
    {
        using var connection = Db.OpenMemory();
        using var reader = connection.ExecuteReader("SELECT 42 AS c, CASE WHEN i % 2 = 0 THEN 'even' ELSE 'odd' END AS s, NULL::INT AS n FROM range(5000) t(i)");
        var count = 0;
        while (reader.Read())
        {
            Assert.Equal(42, reader.GetInt32(0));
            Assert.True(reader.IsDBNull(2));
            count++;
        }
        Assert.Equal(5000, count);
    }

    [Fact]
    public void HasRows_RecordsAffected_and_NextResult()
    {
        using var connection = Db.OpenMemory();
        connection.ExecuteNonQuery("CREATE TABLE t(a INT)");
        using (var empty = connection.ExecuteReader("SELECT * FROM t"))
        {
            Assert.False(empty.HasRows);
            Assert.False(empty.Read());
            Assert.Equal(-1, empty.RecordsAffected);
            Assert.False(empty.NextResult());
        }
        using (var insert = connection.ExecuteReader("INSERT INTO t SELECT * FROM range(7)"))
        {
            Assert.Equal(7, insert.RecordsAffected);
        }
        using (var select = connection.ExecuteReader("SELECT * FROM t"))
        {
            Assert.True(select.HasRows);
        }
    }

    [Fact]
    public void Typed_getters_widen_and_convert()
    {
        using var connection = Db.OpenMemory();
        using var reader = connection.ExecuteReader(
            "SELECT 7::SMALLINT, 8::INTEGER, 1.5::FLOAT, 12.5::DECIMAL(5,2), DATE '2024-05-06', INTERVAL '90 minutes', " +
            "TIMESTAMPTZ '2024-01-01 00:00:00+00', 'A', sum(3::INTEGER)");
        Assert.True(reader.Read());
        Assert.Equal(7L, reader.GetInt64(0));
        Assert.Equal(7, reader.GetInt32(0));
        Assert.Equal(8.0, reader.GetDouble(1));
        Assert.Equal(1.5, reader.GetDouble(2));
        Assert.Equal(12.5, reader.GetDouble(3));
        Assert.Equal(12.5m, reader.GetDecimal(3));
        Assert.Equal(new DateTime(2024, 5, 6), reader.GetDateTime(4));
        Assert.Equal(TimeSpan.FromMinutes(90), reader.GetFieldValue<TimeSpan>(5));
        var utc = reader.GetDateTime(6);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
        Assert.Equal(new DateTime(2024, 1, 1), utc);
        Assert.Equal('A', reader.GetChar(7));
        Assert.Equal(3L, reader.GetInt64(8));
        Assert.Equal(3, reader.GetFieldValue<int?>(1) - 5);
        var error = Assert.Throws<InvalidCastException>(() => reader.GetString(1));
        Assert.Contains("INTEGER", error.Message);
    }

    [Fact]
    public void Interval_with_months_refuses_to_become_a_timespan()
    {
        using var connection = Db.OpenMemory();
        using var reader = connection.ExecuteReader("SELECT INTERVAL '1 month'");
        Assert.True(reader.Read());
        Assert.Equal(new DuckDbInterval(1, 0, 0), reader.GetFieldValue<DuckDbInterval>(0));
        Assert.Throws<InvalidCastException>(() => reader.GetFieldValue<TimeSpan>(0));
    }

    [Fact]
    public void Infinite_timestamp_is_a_clear_cast_error()
    {
        using var connection = Db.OpenMemory();
        using var reader = connection.ExecuteReader("SELECT 'infinity'::TIMESTAMP");
        Assert.True(reader.Read());
        var error = Assert.Throws<InvalidCastException>(() => reader.GetValue(0));
        Assert.Contains("DateTime", error.Message);
    }

    [Fact]
    public void Reading_before_Read_or_after_close_is_an_error()
    {
        using var connection = Db.OpenMemory();
        var reader = connection.ExecuteReader("SELECT 1");
        Assert.Throws<InvalidOperationException>(() => reader.GetInt32(0));
        Assert.True(reader.Read());
        reader.Dispose();
        Assert.True(reader.IsClosed);
        Assert.False(reader.Read());
        Assert.Throws<InvalidOperationException>(() => reader.GetInt32(0));
    }

    [Fact]
    public void GetBytes_and_GetChars_copy_slices()
    {
        using var connection = Db.OpenMemory();
        using var reader = connection.ExecuteReader("SELECT '\\x01\\x02\\x03\\x04'::BLOB, 'abcdef'");
        Assert.True(reader.Read());
        Assert.Equal(4, reader.GetBytes(0, 0, null, 0, 0));
        var buffer = new byte[2];
        Assert.Equal(2, reader.GetBytes(0, 1, buffer, 0, 2));
        Assert.Equal(new byte[] { 2, 3 }, buffer);
        var chars = new char[3];
        Assert.Equal(3, reader.GetChars(1, 2, chars, 0, 3));
        Assert.Equal("cde", new string(chars));
    }

    [Fact]
    public void CloseConnection_behavior_closes_the_connection_with_the_reader()
    {
        using var connection = Db.OpenMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        using (var reader = command.ExecuteReader(CommandBehavior.CloseConnection))
        {
            Assert.True(reader.Read());
        }
        Assert.Equal(ConnectionState.Closed, connection.State);
    }

    [Fact]
    public void Another_statement_on_the_connection_ends_a_streaming_reader_loudly()
    {
        using var connection = Db.OpenMemory();
        using var reader = connection.ExecuteReader("SELECT * FROM range(100000)");
        for (var i = 0; i < 3000; i++) Assert.True(reader.Read());
        connection.ExecuteNonQuery("SELECT 42");
        var error = Assert.Throws<DuckDbException>(() =>
        {
            while (reader.Read()) { }
        });
        Assert.Contains("dispose the reader first", error.Message);
    }

    [Fact]
    public void Reader_outlives_its_command()
    {
        using var connection = Db.OpenMemory();
        DuckDbDataReader reader;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT * FROM range(10000)";
            reader = command.ExecuteReader();
        }
        long sum = 0;
        while (reader.Read()) sum += reader.GetInt64(0);
        reader.Dispose();
        Assert.Equal(49995000, sum);
    }
}
