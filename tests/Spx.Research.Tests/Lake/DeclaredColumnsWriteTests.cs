using Spx.Research.Lake;

namespace Spx.Research.Tests.Lake;

/// <summary>
/// A SQL write whose query selects exactly the declared columns in order is staged once and written without the
/// clean copy (docs/consolidation.md, "Speed"). These show the shortcut changes nothing: the same file as a query
/// in another column order (which is copied), and duplicates and NULLs are still caught.
/// </summary>
public sealed class DeclaredColumnsWriteTests : IDisposable
{
    private readonly TempLake _lake = new();

    public void Dispose() => _lake.Dispose();

    /// <summary><see cref="TempLake.Bars"/> with its DECIMAL prices cast to the declared DOUBLE: exactly the declared columns.</summary>
    private static string Declared(string bars) =>
        "SELECT ticker, ts, CAST(open AS DOUBLE) AS open, CAST(high AS DOUBLE) AS high, CAST(low AS DOUBLE) AS low, " +
        $"CAST(close AS DOUBLE) AS close, volume, CAST(vwap AS DOUBLE) AS vwap, trades FROM ({bars})";

    [Theory]
    [InlineData("declared", true)]
    [InlineData("reordered", false)]
    [InlineData("undeclared types", false)]
    public void Only_the_declared_names_types_and_order_count_as_clean(string query, bool expected)
    {
        var sql = query switch
        {
            "declared" => Declared(TempLake.Bars(0, 3)),
            "reordered" => $"SELECT trades, vwap, volume, close, low, high, open, ts, ticker FROM ({Declared(TempLake.Bars(0, 3))})",
            _ => TempLake.Bars(0, 3),
        };
        using var writer = _lake.Writer();
        writer.Connection.ExecuteNonQuery($"CREATE TABLE staged AS {sql}");

        Assert.Equal(expected, BatchValidation.HasDeclaredColumns(writer.Connection, FoundationDatasets.StockBars1m, "staged", Canonical(writer)));
    }

    private static Func<DatasetColumn, string> Canonical(LakeWriter writer) =>
        column => writer.Connection.ExecuteScalar<string>($"SELECT typeof(CAST(NULL AS {column.Type}))")!;

    [Fact]
    public void Declared_order_writes_the_same_file_as_a_reordered_query()
    {
        using var writer = _lake.Writer();
        var declared = writer.ReplacePartition("stock_bars_1m", TempLake.Day, LakeSource.FromSql(Declared(TempLake.Bars(0, 50))));
        var reordered = writer.ReplacePartition("stock_bars_1m", TempLake.Day, LakeSource.FromSql(
            $"SELECT trades, vwap, volume, close, low, high, open, ts, ticker FROM ({Declared(TempLake.Bars(0, 50))})"));

        Assert.True(declared.Changed);
        Assert.False(reordered.Changed);
        Assert.Equal(declared.Files, reordered.Files);
    }

    [Fact]
    public void Declared_order_with_a_repeated_key_keeps_the_first_row()
    {
        using var writer = _lake.Writer();
        var result = writer.ReplacePartition("stock_bars_1m", TempLake.Day, LakeSource.FromSql(
            Declared($"{TempLake.Bars(0, 5)} UNION ALL {TempLake.Bars(2, 1, offset: 100)}")));

        Assert.Equal(5, result.Rows);
        Assert.Equal(1, result.DuplicateRows);
        using var session = _lake.Session();
        Assert.Equal(472.5, session.Scalar<double>("SELECT close FROM stock_bars_1m WHERE ts = TIMESTAMPTZ '2024-01-02 14:32:00+00'"));
    }

    [Fact]
    public void Declared_order_with_a_NULL_in_a_required_column_is_rejected()
    {
        using var writer = _lake.Writer();
        var error = Assert.Throws<LakeSchemaException>(() => writer.ReplacePartition("stock_bars_1m", TempLake.Day, LakeSource.FromSql(
            $"SELECT * REPLACE (CASE WHEN close > 472 THEN NULL ELSE close END AS close) FROM ({Declared(TempLake.Bars(0, 5))})")));

        Assert.Contains("column 'close': 3 NULL value(s) in a NOT NULL column", error.Message);
        Assert.Empty(_lake.Layout.Partitions("stock_bars_1m"));
    }
}
