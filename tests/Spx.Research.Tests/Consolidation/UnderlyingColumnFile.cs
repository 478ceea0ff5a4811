using ParquetSharp;

namespace Spx.Research.Tests.Consolidation;

/// <summary>
/// A small Parquet file with an <c>underlying</c> text column (and a number column beside it), written through
/// ParquetSharp row group by row group, with or without footer statistics: the footers
/// <see cref="Spx.Research.Consolidation.StoredUnderlyings"/> reads.
/// </summary>
internal static class UnderlyingColumnFile
{
    public static string Write(string path, IReadOnlyList<string?[]> rowGroups, bool statistics = true, string column = "underlying")
    {
        using var builder = new WriterPropertiesBuilder();
        if (!statistics) builder.DisableStatistics();
        using var properties = builder.Build();
        using var file = new ParquetFileWriter(path, [new Column<string>(column, LogicalType.String()), new Column<long>("volume")], properties);
        foreach (var rows in rowGroups)
        {
            using var group = file.AppendRowGroup();
            using (var text = group.NextColumn().LogicalWriter<string?>()) text.WriteBatch(rows);
            using (var numbers = group.NextColumn().LogicalWriter<long>()) numbers.WriteBatch(new long[rows.Length]);
        }
        file.Close();
        return path;
    }
}
