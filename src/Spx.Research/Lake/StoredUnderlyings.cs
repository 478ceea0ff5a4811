using System.Runtime.InteropServices;
using Utf8 = System.Text.Encoding;
using ParquetSharp;

namespace Spx.Research.Lake;

/// <summary>
/// Whether a partition's stored files (<c>option_minutes</c>, <c>momentum_events</c>) hold only one underlying's rows, read from the files'
/// footers: when every row group's statistics give the <c>underlying</c> column that one value as both minimum and
/// maximum, with no NULLs, a replace has no other underlying's rows to keep and need not query the files. Anything
/// less certain (no statistics, an unreadable footer, another writer's file) answers false, and the caller counts.
/// </summary>
internal static class StoredUnderlyings
{
    /// <summary>True when the footers prove that every stored row belongs to <paramref name="underlying"/>.</summary>
    public static bool OnlyOf(IReadOnlyList<string> files, string underlying) => files.All(file => FileOnlyOf(file, underlying));

    private static bool FileOnlyOf(string file, string underlying)
    {
        try
        {
            using var reader = new ParquetFileReader(file);
            using var metadata = reader.FileMetaData;
            var column = metadata.Schema.ColumnIndex("underlying");
            if (column < 0 || metadata.Schema.Column(column).PhysicalType != PhysicalType.ByteArray) return false;
            for (var group = 0; group < metadata.NumRowGroups; group++)
            {
                using var rowGroup = reader.RowGroup(group);
                using var statistics = rowGroup.MetaData.GetColumnChunkMetaData(column).Statistics;
                if (statistics is not Statistics<ByteArray> { HasMinMax: true, NullCount: 0 } text) return false;
                if (Text(text.Min) != underlying || Text(text.Max) != underlying) return false;
            }
            return true;
        }
        catch (ParquetException)
        {
            return false;
        }
    }

    private static string Text(ByteArray value)
    {
        var bytes = new byte[value.Length];
        if (value.Length > 0) Marshal.Copy(value.Pointer, bytes, 0, value.Length);
        return Utf8.UTF8.GetString(bytes);
    }
}
