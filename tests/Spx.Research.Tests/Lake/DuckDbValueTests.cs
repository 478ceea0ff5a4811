using DuckDB.NET.Data;
using Spx.Research.Lake;

namespace Spx.Research.Tests.Lake;

/// <summary>What <see cref="DuckDbValue.Read"/> changes about DuckDB.NET's <c>GetValue</c>, and what it leaves alone.</summary>
public sealed class DuckDbValueTests : IDisposable
{
    private readonly DuckDBConnection _connection = new("Data Source=:memory:");

    public DuckDbValueTests() => _connection.Open();

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void A_timestamptz_is_a_utc_instant_and_a_plain_timestamp_keeps_no_zone()
    {
        var (zoned, plain) = Read("SELECT TIMESTAMPTZ '2025-03-10 13:30:00+00', TIMESTAMP '2025-03-10 13:30:00'");

        Assert.Equal(new DateTime(2025, 3, 10, 13, 30, 0, DateTimeKind.Utc), zoned);
        Assert.Equal(DateTimeKind.Utc, ((DateTime)zoned!).Kind);
        Assert.Equal(DateTimeKind.Unspecified, ((DateTime)plain!).Kind);
    }

    [Fact]
    public void A_list_of_numbers_with_a_null_item_reads_with_the_null_kept()
    {
        var (numbers, words) = Read("SELECT [1, NULL, 3]::INTEGER[], ['a', NULL]::VARCHAR[]");

        Assert.Equal(new int?[] { 1, null, 3 }, Assert.IsType<List<int?>>(numbers));
        Assert.Equal(new string?[] { "a", null }, Assert.IsAssignableFrom<IEnumerable<string?>>(words));
    }

    [Fact]
    public void The_columnar_read_keeps_a_null_list_item_too()
    {
        var column = _connection.ExecuteColumnar("SELECT [1, NULL, 3]::INTEGER[] AS l").GetColumn(0);

        Assert.Equal(new int?[] { 1, null, 3 }, Assert.IsType<List<int?>>(column.GetValue(0)));
    }

    [Fact]
    public void Sql_null_is_null()
    {
        var (value, list) = Read("SELECT NULL::DOUBLE, NULL::INTEGER[]");

        Assert.Null(value);
        Assert.Null(list);
    }

    private (object? First, object? Second) Read(string sql)
    {
        using var reader = _connection.ExecuteReader(sql);
        Assert.True(reader.Read());
        return (DuckDbValue.Read(reader, 0), DuckDbValue.Read(reader, 1));
    }
}
