namespace Spx.Research.DuckDb.Tests;

/// <summary>Every supported .NET type goes in as a parameter and comes back out of the reader unchanged.</summary>
public class TypeRoundTripTests
{
    private sealed record Case(string SqlType, object Value, object Expected);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["boolean"] = new("BOOLEAN", true, true),
        ["tinyint"] = new("TINYINT", (sbyte)-128, (sbyte)-128),
        ["smallint"] = new("SMALLINT", (short)-300, (short)-300),
        ["integer"] = new("INTEGER", int.MinValue, int.MinValue),
        ["bigint"] = new("BIGINT", long.MaxValue, long.MaxValue),
        ["hugeint"] = new("HUGEINT", Int128.MinValue, Int128.MinValue),
        ["utinyint"] = new("UTINYINT", (byte)255, (byte)255),
        ["usmallint"] = new("USMALLINT", (ushort)65535, (ushort)65535),
        ["uinteger"] = new("UINTEGER", uint.MaxValue, uint.MaxValue),
        ["ubigint"] = new("UBIGINT", ulong.MaxValue, ulong.MaxValue),
        ["uhugeint"] = new("UHUGEINT", UInt128.MaxValue, UInt128.MaxValue),
        ["float"] = new("FLOAT", 1.5f, 1.5f),
        ["double"] = new("DOUBLE", Math.PI, Math.PI),
        ["decimal(4,2) int16 storage"] = new("DECIMAL(4,2)", -12.34m, -12.34m),
        ["decimal(9,4) int32 storage"] = new("DECIMAL(9,4)", 12345.6789m, 12345.6789m),
        ["decimal(18,6) int64 storage"] = new("DECIMAL(18,6)", -123456789012.345678m, -123456789012.345678m),
        ["decimal(38,10) int128 storage"] = new("DECIMAL(38,10)", 1234567890123456789.0123456789m, 1234567890123456789.0123456789m),
        ["varchar inline"] = new("VARCHAR", "héllo", "héllo"),
        ["varchar long"] = new("VARCHAR", "a longer string with ünïcödé and emoji 🌍 well past twelve bytes", "a longer string with ünïcödé and emoji 🌍 well past twelve bytes"),
        ["varchar empty"] = new("VARCHAR", "", ""),
        ["blob"] = new("BLOB", new byte[] { 0, 1, 2, 254, 255 }, new byte[] { 0, 1, 2, 254, 255 }),
        ["blob long"] = new("BLOB", Enumerable.Range(0, 300).Select(i => (byte)i).ToArray(), Enumerable.Range(0, 300).Select(i => (byte)i).ToArray()),
        ["date"] = new("DATE", new DateOnly(2024, 2, 29), new DateOnly(2024, 2, 29)),
        ["date year 1"] = new("DATE", new DateOnly(1, 1, 1), new DateOnly(1, 1, 1)),
        ["time"] = new("TIME", new TimeOnly(13, 45, 30, 123, 456), new TimeOnly(13, 45, 30, 123, 456)),
        ["timestamp"] = new("TIMESTAMP", new DateTime(2024, 3, 15, 14, 30, 0, 123, 456), new DateTime(2024, 3, 15, 14, 30, 0, 123, 456)),
        ["timestamp before 1970"] = new("TIMESTAMP", new DateTime(1900, 1, 1, 0, 0, 0, 1), new DateTime(1900, 1, 1, 0, 0, 0, 1)),
        ["timestamptz"] = new("TIMESTAMPTZ", new DateTimeOffset(2024, 3, 15, 10, 30, 0, TimeSpan.FromHours(-4)), new DateTimeOffset(2024, 3, 15, 14, 30, 0, TimeSpan.Zero)),
        ["interval"] = new("INTERVAL", new DuckDbInterval(14, 3, 5_000_000), new DuckDbInterval(14, 3, 5_000_000)),
        ["interval from timespan"] = new("INTERVAL", new TimeSpan(1, 2, 3, 4, 5), new DuckDbInterval(0, 1, ((2 * 60 + 3) * 60 + 4) * 1_000_000L + 5_000)),
        ["uuid"] = new("UUID", Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e")),
        ["uuid high bit"] = new("UUID", Guid.Parse("ffffffff-0000-0000-0000-000000000001"), Guid.Parse("ffffffff-0000-0000-0000-000000000001")),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Parameter_into_typed_column_round_trips_with_nulls(string name)
    {
        var (sqlType, value, expected) = Cases[name];
        using var connection = Db.OpenMemory();
        connection.ExecuteNonQuery($"CREATE TABLE t(id INT, v {sqlType})");
        Assert.Equal(1, connection.ExecuteNonQuery("INSERT INTO t VALUES (1, ?)", value));
        Assert.Equal(1, connection.ExecuteNonQuery("INSERT INTO t VALUES (2, ?)", DBNull.Value));
        Assert.Equal(1, connection.ExecuteNonQuery("INSERT INTO t VALUES (3, ?)", [null]));

        using var reader = connection.ExecuteReader("SELECT v FROM t ORDER BY id");
        Assert.Equal(expected.GetType(), reader.GetFieldType(0));
        Assert.True(reader.Read());
        Assert.False(reader.IsDBNull(0));
        Assert.Equal(expected, reader.GetValue(0));
        Assert.Equal(expected, reader[0]);
        for (var i = 0; i < 2; i++)
        {
            Assert.True(reader.Read());
            Assert.True(reader.IsDBNull(0));
            Assert.Same(DBNull.Value, reader.GetValue(0));
        }
        Assert.False(reader.Read());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Parameter_equals_the_stored_value_in_a_where_clause(string name)
    {
        var (sqlType, value, _) = Cases[name];
        using var connection = Db.OpenMemory();
        connection.ExecuteNonQuery($"CREATE TABLE t(v {sqlType})");
        connection.ExecuteNonQuery("INSERT INTO t VALUES (?)", value);
        Assert.Equal(1L, Convert.ToInt64(connection.ExecuteScalar("SELECT count(*) FROM t WHERE v = ?", value)));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Untyped_parameter_keeps_its_type(string name)
    {
        var (_, value, expected) = Cases[name];
        using var connection = Db.OpenMemory();
        Assert.Equal(expected, connection.ExecuteScalar("SELECT ?", value));
    }

    public static TheoryData<string, object> Literals() => new()
    {
        { "TRUE", true },
        { "(-5)::TINYINT", (sbyte)-5 },
        { "1000::SMALLINT", (short)1000 },
        { "42", 42 },
        { "9007199254740993::BIGINT", 9007199254740993L },
        { "200::UTINYINT", (byte)200 },
        { "2.5::FLOAT", 2.5f },
        { "0.1::DOUBLE", 0.1 },
        { "'hello world, this is long'", "hello world, this is long" },
        { "'\\xAA\\xBB'::BLOB", new byte[] { 0xAA, 0xBB } },
    };

    [Theory]
    [MemberData(nameof(Literals))]
    public void Sql_literal_reads_as_the_matching_dotnet_value(string literal, object expected)
    {
        using var connection = Db.OpenMemory();
        Assert.Equal(expected, connection.ExecuteScalar($"SELECT {literal}"));
    }

    [Fact]
    public void Non_serializable_literals_read_as_the_matching_dotnet_values()
    {
        using var connection = Db.OpenMemory();
        Assert.Equal(123.45m, connection.ExecuteScalar("SELECT '123.45'::DECIMAL(18,3)"));
        Assert.Equal(Int128.Parse("170141183460469231731687303715884105727"), connection.ExecuteScalar("SELECT 170141183460469231731687303715884105727::HUGEINT"));
        Assert.Equal(new DateOnly(2024, 2, 29), connection.ExecuteScalar("SELECT DATE '2024-02-29'"));
        Assert.Equal(new TimeOnly(13, 45, 30, 123, 456), connection.ExecuteScalar("SELECT TIME '13:45:30.123456'"));
        Assert.Equal(new DateTime(2024, 3, 15, 14, 30, 0, 123, 456), connection.ExecuteScalar("SELECT TIMESTAMP '2024-03-15 14:30:00.123456'"));
        Assert.Equal(new DateTime(2024, 3, 15, 14, 30, 5), connection.ExecuteScalar("SELECT '2024-03-15 14:30:05'::TIMESTAMP_S"));
        Assert.Equal(new DateTime(2024, 3, 15, 14, 30, 5, 250), connection.ExecuteScalar("SELECT '2024-03-15 14:30:05.250'::TIMESTAMP_MS"));
        Assert.Equal(new DateTime(2024, 3, 15, 14, 30, 5, 0, 1).AddTicks(2), connection.ExecuteScalar("SELECT '2024-03-15 14:30:05.0000012'::TIMESTAMP_NS"));
        var tz = Assert.IsType<DateTimeOffset>(connection.ExecuteScalar("SELECT '2024-03-15 10:30:00-04'::TIMESTAMPTZ"));
        Assert.Equal(new DateTimeOffset(2024, 3, 15, 14, 30, 0, TimeSpan.Zero), tz);
        Assert.Equal(TimeSpan.Zero, tz.Offset);
        Assert.Equal(new DuckDbInterval(1, 2, 3_000_000), connection.ExecuteScalar("SELECT INTERVAL '1 month 2 days 3 seconds'"));
        Assert.Equal(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), connection.ExecuteScalar("SELECT '0f8fad5b-d9cb-469f-a165-70867728950e'::UUID"));
    }

    [Fact]
    public void Lists_read_as_arrays_of_nullable_elements()
    {
        using var connection = Db.OpenMemory();
        using var reader = connection.ExecuteReader(
            "SELECT [1, NULL, 3] AS ints, [1.5, 2.5]::DOUBLE[] AS doubles, ['a', NULL, 'a much longer string value'] AS strings, " +
            "[[1, 2], [3]] AS nested, [DATE '2024-01-02'] AS dates, []::INTEGER[] AS empty, [1, 2, 3] AS dense, " +
            "[10, 20]::BIGINT[] AS longs, [TRUE, NULL] AS bools");
        Assert.True(reader.Read());
        Assert.Equal(typeof(int?[]), reader.GetFieldType(0));
        Assert.Equal(new int?[] { 1, null, 3 }, reader.GetValue(0));
        Assert.Equal(new double?[] { 1.5, 2.5 }, reader.GetValue(1));
        Assert.Equal(new[] { 1.5, 2.5 }, reader.GetFieldValue<double[]>(1));
        Assert.Equal(new string?[] { "a", null, "a much longer string value" }, reader.GetValue(2));
        var nested = Assert.IsType<int?[]?[]>(reader.GetValue(3));
        Assert.Equal(new int?[] { 1, 2 }, nested[0]);
        Assert.Equal(new int?[] { 3 }, nested[1]);
        Assert.Equal(new DateOnly?[] { new DateOnly(2024, 1, 2) }, reader.GetValue(4));
        Assert.Empty((int?[])reader.GetValue(5));
        Assert.Equal(new[] { 1, 2, 3 }, reader.GetFieldValue<int[]>(6));
        Assert.Equal(new long?[] { 10, 20 }, reader.GetValue(7));
        Assert.Equal(new bool?[] { true, null }, reader.GetValue(8));
        var nullElement = Assert.Throws<InvalidCastException>(() => reader.GetFieldValue<int[]>(0));
        Assert.Contains("NULL", nullElement.Message);
    }

    [Fact]
    public void Lists_across_many_rows_and_chunks_keep_their_offsets()
    {
        using var connection = Db.OpenMemory();
        using var reader = connection.ExecuteReader("SELECT i, range(i % 5) AS l FROM range(5000) t(i) ORDER BY i");
        var rows = 0;
        while (reader.Read())
        {
            var i = reader.GetInt64(0);
            var list = (long?[])reader.GetValue(1);
            Assert.Equal(Enumerable.Range(0, (int)(i % 5)).Select(x => (long?)x), list);
            rows++;
        }
        Assert.Equal(5000, rows);
    }

    [Fact]
    public void Struct_map_enum_and_fixed_arrays_read_as_dotnet_shapes()
    {
        using var connection = Db.OpenMemory();
        connection.ExecuteNonQuery("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
        using var reader = connection.ExecuteReader(
            "SELECT {'a': 1, 'b': 'x'} AS s, MAP {'k1': 1, 'k2': NULL} AS m, 'happy'::mood AS e, [1, 2, 3]::INTEGER[3] AS fixed");
        Assert.True(reader.Read());
        var s = Assert.IsType<Dictionary<string, object?>>(reader.GetValue(0));
        Assert.Equal(1, s["a"]);
        Assert.Equal("x", s["b"]);
        var m = Assert.IsType<Dictionary<object, object?>>(reader.GetValue(1));
        Assert.Equal(1, m["k1"]);
        Assert.Null(m["k2"]);
        Assert.Equal("happy", reader.GetString(2));
        Assert.Equal(new int?[] { 1, 2, 3 }, reader.GetValue(3));
        Assert.Equal("STRUCT(a INTEGER, b VARCHAR)", reader.GetDataTypeName(0));
        Assert.Equal("MAP(VARCHAR, INTEGER)", reader.GetDataTypeName(1));
        Assert.Equal("INTEGER[3]", reader.GetDataTypeName(3));
    }

    [Theory]
    [InlineData("BOOLEAN")]
    [InlineData("INTEGER")]
    [InlineData("HUGEINT")]
    [InlineData("DOUBLE")]
    [InlineData("DECIMAL(38,2)")]
    [InlineData("VARCHAR")]
    [InlineData("BLOB")]
    [InlineData("DATE")]
    [InlineData("TIME")]
    [InlineData("TIMESTAMP")]
    [InlineData("TIMESTAMPTZ")]
    [InlineData("TIMESTAMP_NS")]
    [InlineData("INTERVAL")]
    [InlineData("UUID")]
    [InlineData("INTEGER[]")]
    [InlineData("STRUCT(a INT)")]
    public void Null_of_every_type_is_dbnull(string sqlType)
    {
        using var connection = Db.OpenMemory();
        using var reader = connection.ExecuteReader($"SELECT NULL::{sqlType}");
        Assert.True(reader.Read());
        Assert.True(reader.IsDBNull(0));
        Assert.Same(DBNull.Value, reader.GetValue(0));
        Assert.Throws<InvalidCastException>(() => reader.GetInt32(0));
    }

    [Fact]
    public void Untyped_null_reads_as_dbnull()
    {
        using var connection = Db.OpenMemory();
        using var reader = connection.ExecuteReader("SELECT NULL AS n");
        Assert.True(reader.Read());
        Assert.True(reader.IsDBNull(0));
    }
}
