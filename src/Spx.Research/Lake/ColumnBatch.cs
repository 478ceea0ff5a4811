namespace Spx.Research.Lake;

/// <summary>
/// The rows of one partition write held as typed columns (<see cref="BatchColumn"/>), for writers that compute their
/// rows in C#: <see cref="LakeWriter.ReplacePartition(string, DateOnly, ColumnBatch)"/> checks them against the
/// dataset in C# and writes the Parquet file straight from the arrays (<see cref="ParquetBatchFile"/>), with no
/// DuckDB staging table: materialising wide rows in DuckDB and its <c>COPY</c> cost several times more than
/// computing them (docs/consolidation.md, "Speed").
/// </summary>
public sealed class ColumnBatch
{
    /// <summary>A batch of <paramref name="columns"/>, all of one length.</summary>
    public ColumnBatch(IReadOnlyList<BatchColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0) throw new ArgumentException("a batch needs at least one column", nameof(columns));
        var rows = columns[0].Length;
        if (columns.FirstOrDefault(c => c.Length != rows) is { } odd)
            throw new ArgumentException($"column '{odd.Name}' has {odd.Length} rows, column '{columns[0].Name}' {rows}");
        var repeated = columns.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new ArgumentException($"column '{repeated.Key}' appears {repeated.Count()} times");
        Columns = columns;
        RowCount = rows;
    }

    /// <summary>The columns, in the order they were given.</summary>
    public IReadOnlyList<BatchColumn> Columns { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>The column named <paramref name="name"/>, or null.</summary>
    public BatchColumn? Find(string name) => Columns.FirstOrDefault(c => c.Name == name);

    /// <summary>The same batch with its rows in <paramref name="order"/>.</summary>
    public ColumnBatch Reordered(int[] order) => new(Columns.Select(c => c.Reordered(order)).ToList());

    /// <summary>This batch's rows followed by <paramref name="other"/>'s, which has the same columns in the same order.</summary>
    public ColumnBatch Concat(ColumnBatch other)
    {
        if (other.Columns.Count != Columns.Count)
            throw new ArgumentException($"a batch of {Columns.Count} columns cannot be followed by one of {other.Columns.Count}");
        return new ColumnBatch(Columns.Zip(other.Columns, (a, b) => a.Concat(b)).ToList());
    }

    /// <summary>
    /// A query result (e.g. rows read back from the lake) as a batch in <paramref name="schema"/>'s columns: each
    /// declared column from the result column of that name, NULLs kept.
    /// </summary>
    public static ColumnBatch From(DuckDbColumnarResult result, DatasetSchema schema) =>
        new(schema.Columns.Select(c => Column(result, c.Name)).ToList());

    private static BatchColumn Column(DuckDbColumnarResult result, string name)
    {
        var nulls = result.HasNulls(name) ? result.GetNullMask(name) : null;
        return result.GetColumn(name) switch
        {
            string?[] text => BatchColumn.Text(name, text),
            double[] values => BatchColumn.Doubles(name, values, nulls),
            long[] values => BatchColumn.Longs(name, values, nulls),
            int[] values => BatchColumn.Integers(name, values, nulls),
            bool[] values => BatchColumn.Booleans(name, values, nulls),
            DateOnly[] values => BatchColumn.Dates(name, values, nulls),
            DateTime[] instants => BatchColumn.Instants(name, instants.Select(t => (t - DateTime.UnixEpoch).Ticks / 10).ToArray(), nulls),
            var other => throw new NotSupportedException($"column '{name}' of {other.GetType().Name} cannot be part of a column batch"),
        };
    }
}
