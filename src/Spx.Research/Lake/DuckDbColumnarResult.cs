using System.Collections.ObjectModel;
using DuckDB.NET.Data;

namespace Spx.Research.Lake;

/// <summary>
/// A whole query result held as one typed array per column, so pricing and analysis code loops over
/// <c>double[]</c> instead of calling a reader per value.
/// <para>
/// Column arrays: BOOLEAN → bool[], integers → their .NET integer type (BIGINT → long[], INTEGER → int[]),
/// FLOAT/DOUBLE → float[]/double[], DECIMAL → decimal[], TIMESTAMP → DateTime[] (TIMESTAMPTZ: Kind Utc),
/// DATE → DateOnly[], VARCHAR → string?[], anything else (LIST, STRUCT, …) → object?[] as the reader's
/// <c>GetValue</c> gives it.
/// </para>
/// <para>
/// NULLs: a typed array cannot hold NULL, so a NULL slot holds the element default (0, false, null) and
/// <see cref="GetNullMask(string)"/> tells which rows were NULL. Check <see cref="HasNulls(string)"/>
/// before trusting a zero.
/// </para>
/// </summary>
public sealed class DuckDbColumnarResult
{
    private readonly Array[] _columns;
    private readonly bool[]?[] _nulls;

    private DuckDbColumnarResult(string[] names, string[] types, Array[] columns, bool[]?[] nulls, int rowCount)
    {
        _columns = columns;
        _nulls = nulls;
        RowCount = rowCount;
        ColumnNames = Array.AsReadOnly(names);
        ColumnTypes = Array.AsReadOnly(types);
    }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Column names in result order.</summary>
    public ReadOnlyCollection<string> ColumnNames { get; }

    /// <summary>DuckDB.NET's type names in result order, e.g. <c>Double</c>, <c>TimestampTz</c>.</summary>
    public ReadOnlyCollection<string> ColumnTypes { get; }

    /// <summary>Number of columns.</summary>
    public int ColumnCount => _columns.Length;

    /// <summary>Index of a column by name (exact match first, then case-insensitive).</summary>
    public int GetOrdinal(string name)
    {
        var exact = ColumnNames.IndexOf(name);
        if (exact >= 0) return exact;
        for (var i = 0; i < ColumnNames.Count; i++)
        {
            if (string.Equals(ColumnNames[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        }
        throw new IndexOutOfRangeException($"The result has no column named '{name}'; columns: {string.Join(", ", ColumnNames)}.");
    }

    /// <summary>The column's array as stored (see the class remarks for which array type each DuckDB type uses).</summary>
    public Array GetColumn(int ordinal) => _columns[ordinal];

    /// <summary>The column's array as stored.</summary>
    public Array GetColumn(string name) => _columns[GetOrdinal(name)];

    /// <summary>The column as <typeparamref name="T"/>[] — the stored array itself, not a copy.</summary>
    public T[] GetColumn<T>(string name) => GetColumn<T>(GetOrdinal(name));

    /// <inheritdoc cref="GetColumn{T}(string)"/>
    public T[] GetColumn<T>(int ordinal) => _columns[ordinal] as T[] ?? throw new InvalidCastException(
        $"Column '{ColumnNames[ordinal]}' is {ColumnTypes[ordinal]}, stored as {_columns[ordinal].GetType().Name}; it cannot be read as {typeof(T).Name}[].");

    /// <summary>A TIMESTAMP/TIMESTAMPTZ column (TIMESTAMPTZ: Kind Utc). NULL → default.</summary>
    public DateTime[] GetTimestamps(string name) => GetColumn<DateTime>(name);

    /// <summary>A VARCHAR column; NULL → null.</summary>
    public string?[] GetStrings(string name) => GetColumn<string?>(name);

    /// <summary>True when the column has at least one NULL.</summary>
    public bool HasNulls(string name) => HasNulls(GetOrdinal(name));

    /// <inheritdoc cref="HasNulls(string)"/>
    public bool HasNulls(int ordinal) => _nulls[ordinal] is not null;

    /// <summary>One flag per row, true where the column is NULL (a new array each call).</summary>
    public bool[] GetNullMask(string name) => GetNullMask(GetOrdinal(name));

    /// <inheritdoc cref="GetNullMask(string)"/>
    public bool[] GetNullMask(int ordinal) => _nulls[ordinal] is { } nulls ? nulls[..RowCount] : new bool[RowCount];

    internal static DuckDbColumnarResult Load(DuckDBDataReader reader)
    {
        var count = reader.FieldCount;
        var names = new string[count];
        var types = new string[count];
        var columns = new ColumnFiller[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = reader.GetName(i);
            types[i] = reader.GetDataTypeName(i);
            columns[i] = ColumnFiller.For(reader, i);
        }

        var rows = 0;
        while (reader.Read())
        {
            if (rows == Array.MaxLength)
                throw new InvalidOperationException("The result has more rows than a .NET array can hold; filter or aggregate in SQL.");
            for (var i = 0; i < count; i++) columns[i].Read(reader, rows);
            rows++;
        }

        return new DuckDbColumnarResult(
            names, types, columns.Select(c => c.Build(rows)).ToArray(), columns.Select(c => c.Nulls(rows)).ToArray(), rows);
    }
}
