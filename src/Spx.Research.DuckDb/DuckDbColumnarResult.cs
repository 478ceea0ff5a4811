using System.Collections.ObjectModel;
using Spx.Research.DuckDb.Native;

namespace Spx.Research.DuckDb;

/// <summary>
/// A whole query result held as one typed array per column, filled chunk by chunk with bulk copies
/// from DuckDB's vectors — the fast way to pull numeric series into .NET for analysis.
/// <para>
/// Column arrays: BOOLEAN → bool[], integers → sbyte[]…ulong[] (HUGEINT → Int128[]), FLOAT/DOUBLE →
/// float[]/double[], TIMESTAMP and TIMESTAMPTZ → long[] of microseconds since 1970-01-01 UTC (TIMESTAMP_S/
/// _MS/_NS keep their own unit; <see cref="GetTimestamps(string)"/> converts to DateTime[]), DATE → DateOnly[],
/// TIME → TimeOnly[], DECIMAL → decimal[], INTERVAL → DuckDbInterval[], UUID → Guid[], VARCHAR/ENUM →
/// string?[], BLOB → byte[]?[], anything else → object?[] (as <see cref="DuckDbDataReader.GetValue"/>).
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
    private readonly List<long>?[] _nulls;
    private readonly ColumnType[] _types;
    private readonly Dictionary<string, int> _ordinals = new(StringComparer.Ordinal);

    private DuckDbColumnarResult(string[] names, ColumnType[] types, Array[] columns, List<long>?[] nulls, int rowCount)
    {
        _types = types;
        _columns = columns;
        _nulls = nulls;
        RowCount = rowCount;
        ColumnNames = Array.AsReadOnly(names);
        ColumnTypes = Array.AsReadOnly(types.Select(t => t.Name).ToArray());
        for (var i = names.Length - 1; i >= 0; i--) _ordinals[names[i]] = i;
    }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Column names in result order.</summary>
    public ReadOnlyCollection<string> ColumnNames { get; }

    /// <summary>DuckDB type names in result order, e.g. <c>DOUBLE</c>, <c>TIMESTAMP WITH TIME ZONE</c>.</summary>
    public ReadOnlyCollection<string> ColumnTypes { get; }

    /// <summary>Number of columns.</summary>
    public int ColumnCount => _columns.Length;

    /// <summary>Index of a column by name (exact match first, then case-insensitive).</summary>
    public int GetOrdinal(string name)
    {
        if (_ordinals.TryGetValue(name, out var ordinal)) return ordinal;
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

    /// <summary>
    /// The column as <typeparamref name="T"/>[] — the stored array itself (not a copy) when the types
    /// match, e.g. <c>GetColumn&lt;double&gt;("close")</c>, <c>GetColumn&lt;long&gt;("ts")</c> for raw
    /// microseconds; <c>GetColumn&lt;DateTime&gt;</c> converts a timestamp column like <see cref="GetTimestamps(string)"/>.
    /// </summary>
    public T[] GetColumn<T>(string name) => GetColumn<T>(GetOrdinal(name));

    /// <inheritdoc cref="GetColumn{T}(string)"/>
    public T[] GetColumn<T>(int ordinal)
    {
        if (_columns[ordinal] is T[] typed) return typed;
        if (typeof(T) == typeof(DateTime) && IsTimestamp(ordinal)) return (T[])(object)GetTimestamps(ordinal);
        throw new InvalidCastException(
            $"Column '{ColumnNames[ordinal]}' is {_types[ordinal].Name}, stored as {_columns[ordinal].GetType().Name}; it cannot be read as {typeof(T).Name}[].");
    }

    /// <summary>A TIMESTAMP/TIMESTAMPTZ/_S/_MS/_NS column as DateTime[] (TIMESTAMPTZ: Kind Utc; others: Unspecified). NULL → default.</summary>
    public DateTime[] GetTimestamps(string name) => GetTimestamps(GetOrdinal(name));

    /// <inheritdoc cref="GetTimestamps(string)"/>
    public DateTime[] GetTimestamps(int ordinal)
    {
        if (!IsTimestamp(ordinal))
            throw new InvalidCastException($"Column '{ColumnNames[ordinal]}' is {_types[ordinal].Name}, not a timestamp.");
        var raw = (long[])_columns[ordinal];
        var unit = _types[ordinal].Id;
        var kind = unit == DuckDbTypeId.TimestampTz ? DateTimeKind.Utc : DateTimeKind.Unspecified;
        var result = new DateTime[raw.Length];
        var nulls = _nulls[ordinal];
        for (var i = 0; i < raw.Length; i++)
        {
            if (unit is DuckDbTypeId.Timestamp or DuckDbTypeId.TimestampTz)
            {
                var micros = raw[i];
                // Fast path for the common in-range case; NativeValues validates the rest.
                result[i] = micros is > -62_135_596_800_000_000 and < 253_402_300_800_000_000
                    ? new DateTime(micros * 10 + NativeValues.UnixEpochTicks, kind)
                    : DateTime.SpecifyKind(NativeValues.DateTimeFromMicros(micros), kind);
            }
            else
            {
                result[i] = NativeValues.DateTimeFromRaw(raw[i], unit);
            }
        }
        if (nulls is not null) foreach (var row in nulls) result[row] = default;
        return result;
    }

    /// <summary>A VARCHAR/ENUM column; NULL → null.</summary>
    public string?[] GetStrings(string name) => GetColumn<string?>(name);

    /// <summary>True when the column has at least one NULL.</summary>
    public bool HasNulls(string name) => HasNulls(GetOrdinal(name));

    /// <inheritdoc cref="HasNulls(string)"/>
    public bool HasNulls(int ordinal) => _nulls[ordinal] is { Count: > 0 };

    /// <summary>One flag per row, true where the column is NULL (a new array each call).</summary>
    public bool[] GetNullMask(string name) => GetNullMask(GetOrdinal(name));

    /// <inheritdoc cref="GetNullMask(string)"/>
    public bool[] GetNullMask(int ordinal)
    {
        var mask = new bool[RowCount];
        if (_nulls[ordinal] is { } nulls) foreach (var row in nulls) mask[row] = true;
        return mask;
    }

    private bool IsTimestamp(int ordinal) => _types[ordinal].Id is DuckDbTypeId.Timestamp or DuckDbTypeId.TimestampTz
        or DuckDbTypeId.TimestampS or DuckDbTypeId.TimestampMs or DuckDbTypeId.TimestampNs;

    internal static DuckDbColumnarResult Load(DuckDbDataReader reader)
    {
        var expectedRows = reader.MaterializedRowCount ?? 4096;
        if (expectedRows > Array.MaxLength)
            throw new DuckDbException($"The result has {expectedRows} rows, more than a .NET array can hold; filter or aggregate in SQL.");

        var count = reader.FieldCount;
        var names = new string[count];
        var types = new ColumnType[count];
        var builders = new ColumnBuilder[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = reader.GetName(i);
            types[i] = reader.ColumnTypeAt(i);
            builders[i] = ColumnBuilder.For(types[i], (int)expectedRows);
        }

        var rows = 0;
        for (var size = (int)reader.ChunkSize; size > 0; size = reader.NextChunk() ? (int)reader.ChunkSize : 0)
        {
            if (rows > Array.MaxLength - size)
                throw new DuckDbException("The result has more rows than a .NET array can hold; filter or aggregate in SQL.");
            for (var i = 0; i < count; i++) builders[i].Append(reader.ChunkView(i), size, rows);
            rows += size;
        }

        return new DuckDbColumnarResult(
            names, types, builders.Select(b => b.Build(rows)).ToArray(), builders.Select(b => b.Nulls).ToArray(), rows);
    }
}
