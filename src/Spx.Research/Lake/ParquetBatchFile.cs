using Apache.Arrow;
using ParquetSharp;
using ParquetSharp.Arrow;

namespace Spx.Research.Lake;

/// <summary>
/// Writes a <see cref="ColumnBatch"/> as one Parquet file through ParquetSharp's Arrow API (Apache Arrow's C++
/// writer), from Arrow arrays over the batch's own column arrays (<see cref="ArrowBatchColumn"/>). Every column is
/// OPTIONAL, as in the files DuckDB writes, so readers see one schema across a dataset's files. Statistics on every
/// column that can prune (see <see cref="Properties"/>). No Arrow schema is stored and nothing varies between runs, so the same
/// batch gives the same bytes (files are named by content).
/// </summary>
internal static class ParquetBatchFile
{
    /// <summary>Rows per row group, DuckDB's default, so large files still read in parallel.</summary>
    public const int RowGroupRows = 122_880;

    /// <summary>Writes <paramref name="batch"/> to <paramref name="path"/> (created or overwritten).</summary>
    /// <param name="key">The dataset's key columns, which the batch is sorted by.</param>
    public static void Write(ColumnBatch batch, string path, IReadOnlyCollection<string> key)
    {
        var schema = new Schema(batch.Columns.Select(c => new Field(c.Name, ArrowBatchColumn.Type(c), nullable: true)), null);
        using var properties = Properties(batch, key);
        using var arrowProperties = new ArrowWriterPropertiesBuilder().Build();
        // Through a buffered .NET stream: Arrow's own file stream wrote each page with its own system call (58,649 for a
        // consolidated year), a megabyte buffer makes that a few hundred.
        using var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 20);
        using var file = new FileWriter(output, schema, properties, arrowProperties, leaveOpen: false);
        // At least one row group, so a batch of no rows still writes a file with the schema.
        var groups = Math.Max(1, (batch.RowCount + RowGroupRows - 1) / RowGroupRows);
        for (var group = 0; group < groups; group++)
        {
            var start = group * RowGroupRows;
            var rows = Math.Min(RowGroupRows, batch.RowCount - start);
            file.NewRowGroup();
            foreach (var column in batch.Columns)
            {
                using var array = ArrowBatchColumn.Slice(column, start, rows);
                file.WriteColumnChunk(array);
            }
        }
        file.Close();
    }

    /// <summary>
    /// zstd as everywhere in the lake. Dictionary encoding only for text, where it pays (a day's tickers repeat) and
    /// the indices come ready (<see cref="ArrowTextColumn"/>), not for prices and greeks, where the attempt only costs
    /// time. BIGINT (counts, volumes) delta-encoded: small deltas pack into a few bits and leave zstd a fraction of the
    /// bytes, about twice as fast for the same size. Text statistics only where a reader can prune on them: a key column
    /// (sorted) or one value throughout (a partition's underlying); elsewhere every row group holds the whole range of
    /// values, and computing them cost about 5 % of the write.
    /// </summary>
    private static WriterProperties Properties(ColumnBatch batch, IReadOnlyCollection<string> key)
    {
        using var builder = new WriterPropertiesBuilder().Compression(Compression.Zstd).DisableDictionary();
        foreach (var column in batch.Columns)
        {
            if (column.SqlType == "VARCHAR") builder.EnableDictionary(column.Name);
            if (column.SqlType == "VARCHAR" && !key.Contains(column.Name) && !OneValue(column)) builder.DisableStatistics(column.Name);
            if (column.SqlType == "BIGINT") builder.Encoding(column.Name, Encoding.DeltaBinaryPacked);
        }
        return builder.Build();
    }

    private static bool OneValue(BatchColumn column)
    {
        var text = (string?[])column.Values;
        for (var i = 1; i < column.Length; i++)
            if (!ReferenceEquals(text[i], text[0]) && !string.Equals(text[i], text[0], StringComparison.Ordinal)) return false;
        return true;
    }
}
