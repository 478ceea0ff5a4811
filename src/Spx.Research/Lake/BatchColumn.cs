namespace Spx.Research.Lake;

/// <summary>
/// One named column of a <see cref="ColumnBatch"/>: a typed array and, for columns that hold NULLs, a mask. The
/// element type says the SQL type, so a batch is checked against its dataset's declared types without looking at
/// values: <c>string?[]</c> VARCHAR (null is NULL), <c>double[]</c> DOUBLE, <c>long[]</c> BIGINT, <c>int[]</c>
/// INTEGER, <c>bool[]</c> BOOLEAN, <c>DateOnly[]</c> DATE, and instants as microseconds since the Unix epoch (TIMESTAMPTZ), the unit
/// Parquet and DuckDB store, so nothing is converted on the way to the file.
/// </summary>
public sealed class BatchColumn
{
    private BatchColumn(string name, string sqlType, Array values, bool[]? isNull, int? rows = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var length = rows ?? values.Length;
        if (length < 0 || length > values.Length)
            throw new ArgumentException($"column '{name}': {length} rows asked of {values.Length} values");
        if (isNull is not null && (rows is null ? isNull.Length != values.Length : isNull.Length < length))
            throw new ArgumentException($"column '{name}': {length} values but {isNull.Length} NULL flags");
        Name = name;
        SqlType = sqlType;
        Values = values;
        IsNull = isNull;
        Length = length;
    }

    /// <summary>The column's name in the dataset.</summary>
    public string Name { get; }

    /// <summary>The SQL type the values are: VARCHAR, DOUBLE, BIGINT, INTEGER, BOOLEAN, DATE or TIMESTAMPTZ.</summary>
    public string SqlType { get; }

    /// <summary>
    /// The values; a NULL row's slot holds the element default (a VARCHAR NULL is a null string). The array may be longer
    /// than <see cref="Length"/> (a writer reusing its arrays from batch to batch); only the first rows belong to the column.
    /// </summary>
    public Array Values { get; }

    /// <summary>True where the row is NULL; null when no row is (VARCHAR columns use null strings instead).</summary>
    public bool[]? IsNull { get; }

    /// <summary>Number of rows.</summary>
    public int Length { get; }

    /// <summary>Whether row <paramref name="row"/> is NULL.</summary>
    public bool IsNullAt(int row) => IsNull is { } mask ? mask[row] : Values is string?[] text && text[row] is null;

    /// <summary>Whether any row is NULL.</summary>
    public bool HasNulls => IsNull is { } mask ? Array.IndexOf(mask, true, 0, Length) >= 0 : Values is string?[] text && Array.IndexOf(text, null, 0, Length) >= 0;

    /// <summary>A VARCHAR column; null strings are NULL.</summary>
    public static BatchColumn Text(string name, string?[] values, int? rows = null) => new(name, "VARCHAR", values, null, rows);

    /// <summary>A DOUBLE column (NaN is a value, not NULL).</summary>
    public static BatchColumn Doubles(string name, double[] values, bool[]? isNull = null, int? rows = null) => new(name, "DOUBLE", values, isNull, rows);

    /// <summary>A BIGINT column.</summary>
    public static BatchColumn Longs(string name, long[] values, bool[]? isNull = null, int? rows = null) => new(name, "BIGINT", values, isNull, rows);

    /// <summary>An INTEGER column.</summary>
    public static BatchColumn Integers(string name, int[] values, bool[]? isNull = null, int? rows = null) => new(name, "INTEGER", values, isNull, rows);

    /// <summary>A BOOLEAN column.</summary>
    public static BatchColumn Booleans(string name, bool[] values, bool[]? isNull = null, int? rows = null) => new(name, "BOOLEAN", values, isNull, rows);

    /// <summary>A DATE column.</summary>
    public static BatchColumn Dates(string name, DateOnly[] values, bool[]? isNull = null, int? rows = null) => new(name, "DATE", values, isNull, rows);

    /// <summary>A TIMESTAMPTZ column of instants given as microseconds since 1970-01-01T00:00Z.</summary>
    public static BatchColumn Instants(string name, long[] microseconds, bool[]? isNull = null, int? rows = null) => new(name, "TIMESTAMPTZ", microseconds, isNull, rows);

    /// <summary>The same column with its rows in <paramref name="order"/> (row i of the result is row order[i] of this one).</summary>
    public BatchColumn Reordered(int[] order) => new(Name, SqlType, Permute(Values, order), IsNull is null ? null : Permute<bool>(IsNull, order));

    /// <summary>This column's rows followed by <paramref name="other"/>'s (same name and type).</summary>
    public BatchColumn Concat(BatchColumn other)
    {
        if (other.Name != Name || other.SqlType != SqlType)
            throw new ArgumentException($"column '{Name}' ({SqlType}) cannot be followed by '{other.Name}' ({other.SqlType})");
        var values = Array.CreateInstance(Values.GetType().GetElementType()!, Length + other.Length);
        Array.Copy(Values, values, Length);
        Array.Copy(other.Values, 0, values, Length, other.Length);
        bool[]? isNull = null;
        if (IsNull is not null || other.IsNull is not null)
        {
            isNull = new bool[Length + other.Length];
            if (IsNull is not null) Array.Copy(IsNull, isNull, Length);
            if (other.IsNull is not null) Array.Copy(other.IsNull, 0, isNull, Length, other.Length);
        }
        return new BatchColumn(Name, SqlType, values, isNull);
    }

    private static Array Permute(Array source, int[] order) => source switch
    {
        string?[] a => Permute(a, order),
        double[] a => Permute(a, order),
        long[] a => Permute(a, order),
        int[] a => Permute(a, order),
        bool[] a => Permute(a, order),
        DateOnly[] a => Permute(a, order),
        _ => throw new NotSupportedException($"a column of {source.GetType().Name}"),
    };

    private static T[] Permute<T>(T[] source, int[] order)
    {
        var target = new T[order.Length];
        for (var i = 0; i < order.Length; i++) target[i] = source[order[i]];
        return target;
    }
}
