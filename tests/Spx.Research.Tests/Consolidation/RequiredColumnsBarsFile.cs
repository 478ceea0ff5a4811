using DuckDB.NET.Data;
using ParquetSharp;
using Spx.Research.Lake;

namespace Spx.Research.Tests.Consolidation;

/// <summary>
/// An <c>option_bars_1m</c> file written through ParquetSharp's column writers, whose number columns (vwap and trades
/// included) are REQUIRED rather than OPTIONAL: still the lake's physical and logical types, as another writer
/// might store them. Only for sources without NULL numbers.
/// </summary>
internal static class RequiredColumnsBarsFile
{
    public static string Write(DuckDBConnection connection, string source, string path)
    {
        var rows = connection.ExecuteColumnar($"SELECT * FROM read_parquet({SqlText.Literal(source)}, hive_partitioning = false) ORDER BY ticker, ts");
        var columns = new Column[]
        {
            new Column<string>("ticker", LogicalType.String()),
            new Column<string>("underlying", LogicalType.String()),
            new Column<Date>("expiry"),
            new Column<string>("option_right", LogicalType.String()),
            new Column<double>("strike"),
            new Column<DateTime>("ts", LogicalType.Timestamp(isAdjustedToUtc: true, TimeUnit.Micros)),
            new Column<double>("open"),
            new Column<double>("high"),
            new Column<double>("low"),
            new Column<double>("close"),
            new Column<long>("volume"),
            new Column<double>("vwap"),
            new Column<long>("trades"),
        };
        using var file = new ParquetFileWriter(path, columns);
        using (var group = file.AppendRowGroup())
        {
            WriteColumn(group, rows.GetStrings("ticker"));
            WriteColumn(group, rows.GetStrings("underlying"));
            WriteColumn(group, rows.GetColumn<DateOnly>("expiry").Select(d => new Date(d.Year, d.Month, d.Day)).ToArray());
            WriteColumn(group, rows.GetStrings("option_right"));
            WriteColumn(group, rows.GetColumn<double>("strike"));
            WriteColumn(group, rows.GetTimestamps("ts"));
            foreach (var name in new[] { "open", "high", "low", "close" }) WriteColumn(group, rows.GetColumn<double>(name));
            WriteColumn(group, rows.GetColumn<long>("volume"));
            WriteColumn(group, rows.GetColumn<double>("vwap"));
            WriteColumn(group, rows.GetColumn<long>("trades"));
        }
        file.Close();
        return path;
    }

    private static void WriteColumn<T>(RowGroupWriter group, T[] values)
    {
        using var writer = group.NextColumn().LogicalWriter<T>();
        writer.WriteBatch(values);
    }
}
