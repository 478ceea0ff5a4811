using System.Runtime.CompilerServices;
using System.Globalization;
using Spx.Research.Market;

namespace Spx.Research.Lake;

/// <summary>
/// The checks <see cref="BatchValidation"/> makes in SQL, made in C# over a <see cref="ColumnBatch"/>: the dataset's
/// columns with their declared types, no NULL in a NOT NULL column, every row on the partition's New York session
/// date, and no key twice. Rows come back sorted by key, as every lake file is, text in DuckDB's order
/// (<see cref="TextOrder"/>). A failing batch is rejected whole with one message naming each failing column, its count
/// and its first row's key.
/// </summary>
internal static class ColumnBatchValidation
{
    /// <summary>The batch's columns in the dataset's order and its rows in key order; throws <see cref="LakeSchemaException"/>.</summary>
    public static ColumnBatch Checked(DatasetSchema schema, DateOnly date, ColumnBatch batch)
    {
        var ordered = InDeclaredOrder(schema, date, batch);
        var keys = schema.Key.Select(k => ordered.Find(k)!).ToArray();
        var problems = new List<(string Column, int Count, int Row, string Problem)>();
        var invalid = new bool[ordered.RowCount];

        foreach (var (column, declared) in ordered.Columns.Zip(schema.Columns))
        {
            if (declared.Nullable || !column.HasNulls) continue;
            Mark(problems, invalid, column.Name, "NULL value(s) in a NOT NULL column", ordered.RowCount, column.IsNullAt);
        }

        if (schema.SessionDateColumn is { } dateColumn)
        {
            var column = ordered.Find(dateColumn)!;
            Func<int, bool> outside = column.Values switch
            {
                long[] micros => OutsideSession(column, micros, date),
                DateOnly[] dates => row => !column.IsNullAt(row) && dates[row] != date,
                _ => _ => false,
            };
            Mark(problems, invalid, dateColumn, $"value(s) outside the New York session date {date:yyyy-MM-dd}", ordered.RowCount, outside);
        }

        if (problems.Count > 0) throw Rejection(schema, date, ordered, keys, problems, invalid.Count(x => x));

        var sorted = SortedByKey(ordered, keys);
        keys = schema.Key.Select(k => sorted.Find(k)!).ToArray();
        var repeats = new bool[sorted.RowCount];
        for (var row = 1; row < sorted.RowCount; row++) repeats[row] = CompareKeys(keys, row - 1, row) == 0;
        if (Array.IndexOf(repeats, true) >= 0)
        {
            Mark(problems, repeats, string.Join(", ", schema.Key), "repeated key(s)", sorted.RowCount, row => repeats[row]);
            throw Rejection(schema, date, sorted, keys, problems, repeats.Count(x => x));
        }
        return sorted;
    }

    private static ColumnBatch InDeclaredOrder(DatasetSchema schema, DateOnly date, ColumnBatch batch)
    {
        var problems = new List<(string Column, string Text)>();
        foreach (var column in batch.Columns.Where(c => schema.Find(c.Name) is null))
            problems.Add((column.Name, $"column '{column.Name}' is not in the dataset"));
        var columns = new List<BatchColumn>();
        foreach (var declared in schema.Columns)
        {
            var column = batch.Find(declared.Name);
            if (column is null)
            {
                problems.Add((declared.Name, $"column '{declared.Name}' is missing"));
                continue;
            }
            var type = Canonical(declared.Type);
            if (type != column.SqlType)
                problems.Add((declared.Name, $"column '{declared.Name}' holds {column.SqlType}, the dataset declares {declared.Type}"));
            columns.Add(column);
        }
        if (problems.Count > 0)
        {
            throw new LakeSchemaException(schema.Name, problems[0].Column,
                $"Dataset '{schema.Name}', partition {LakeLayout.PartitionName(date)}: {string.Join("; ", problems.Select(p => p.Text))}. Nothing was written.");
        }
        return new ColumnBatch(columns);
    }

    /// <summary>The types a batch can carry, in the spellings a schema may declare them.</summary>
    private static string Canonical(string declared) => declared.Trim().ToUpperInvariant() switch
    {
        "TIMESTAMPTZ" or "TIMESTAMP WITH TIME ZONE" => "TIMESTAMPTZ",
        "VARCHAR" or "TEXT" or "STRING" => "VARCHAR",
        "DOUBLE" or "FLOAT8" => "DOUBLE",
        "BIGINT" or "INT8" or "LONG" => "BIGINT",
        "INTEGER" or "INT4" or "INT" or "SIGNED" => "INTEGER",
        "BOOLEAN" or "BOOL" => "BOOLEAN",
        "DATE" => "DATE",
        var other => other,
    };

    private static Func<int, bool> OutsideSession(BatchColumn column, long[] micros, DateOnly date)
    {
        // The day's UTC bounds: New York midnights never fall in a DST gap.
        var start = NewYorkTime.ToUtc(date, TimeOnly.MinValue).ToUnixTimeMilliseconds() * 1000;
        var end = NewYorkTime.ToUtc(date.AddDays(1), TimeOnly.MinValue).ToUnixTimeMilliseconds() * 1000;
        return row => !column.IsNullAt(row) && (micros[row] < start || micros[row] >= end);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Mark(List<(string, int, int, string)> problems, bool[] invalid, string column, string problem, int rows, Func<int, bool> fails)
    {
        var count = 0;
        var first = -1;
        for (var row = 0; row < rows; row++)
        {
            if (!fails(row)) continue;
            invalid[row] = true;
            if (count++ == 0) first = row;
        }
        if (count > 0) problems.Add((column, count, first, problem));
    }

    private static LakeSchemaException Rejection(
        DatasetSchema schema, DateOnly date, ColumnBatch batch, BatchColumn[] keys, List<(string Column, int Count, int Row, string Problem)> problems, int invalid)
    {
        var parts = problems.Select(p => $"column '{p.Column}': {p.Count} {p.Problem} (first at row {p.Row + 1}: {KeyText(keys, p.Row)})");
        return new LakeSchemaException(schema.Name, problems[0].Column,
            $"Dataset '{schema.Name}', partition {LakeLayout.PartitionName(date)}: {invalid} of {batch.RowCount} input rows are invalid; nothing was written. {string.Join("; ", parts)}.");
    }

    private static string KeyText(BatchColumn[] keys, int row) => string.Join(", ", keys.Select(k => $"{k.Name}={ValueText(k, row)}"));

    private static string ValueText(BatchColumn column, int row)
    {
        if (column.IsNullAt(row)) return "NULL";
        return column.Values switch
        {
            string?[] a => a[row]!,
            long[] a when column.SqlType == "TIMESTAMPTZ" => DateTimeOffset.UnixEpoch.AddTicks(a[row] * 10).ToString("yyyy-MM-dd HH:mm:ss.FFFFFF'+00'", CultureInfo.InvariantCulture),
            long[] a => a[row].ToString(CultureInfo.InvariantCulture),
            int[] a => a[row].ToString(CultureInfo.InvariantCulture),
            double[] a => a[row].ToString("R", CultureInfo.InvariantCulture),
            bool[] a => a[row] ? "true" : "false",
            DateOnly[] a => a[row].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => "?",
        };
    }

    private static ColumnBatch SortedByKey(ColumnBatch batch, BatchColumn[] keys)
    {
        var sorted = true;
        for (var row = 1; row < batch.RowCount && sorted; row++) sorted = CompareKeys(keys, row - 1, row) <= 0;
        if (sorted) return batch;
        var order = Enumerable.Range(0, batch.RowCount).ToArray();
        // A stable sort, so of two rows with one key the first given stays first (the repeat is reported on the second).
        var stable = order.OrderBy(row => row, Comparer<int>.Create((a, b) => CompareKeys(keys, a, b))).ToArray();
        return batch.Reordered(stable);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CompareKeys(BatchColumn[] keys, int a, int b)
    {
        foreach (var key in keys)
        {
            var nullA = key.IsNullAt(a);
            var nullB = key.IsNullAt(b);
            if (nullA || nullB)
            {
                if (nullA != nullB) return nullA ? -1 : 1;
                continue;
            }
            var order = key.Values switch
            {
                string?[] v => TextOrder.Compare(v[a]!, v[b]!),
                long[] v => v[a].CompareTo(v[b]),
                int[] v => v[a].CompareTo(v[b]),
                double[] v => v[a].CompareTo(v[b]),
                bool[] v => v[a].CompareTo(v[b]),
                DateOnly[] v => v[a].CompareTo(v[b]),
                _ => 0,
            };
            if (order != 0) return order;
        }
        return 0;
    }
}
