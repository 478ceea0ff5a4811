using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;

namespace Spx.Research.Lake;

/// <summary>
/// One cell of a DuckDB result as a plain .NET value, smoothing two DuckDB.NET habits that surprise callers:
/// TIMESTAMPTZ arrives as a <see cref="DateTime"/> of unspecified kind although DuckDB stores a UTC instant,
/// and a LIST of numbers throws on a NULL item unless it is asked for nullable items.
/// </summary>
public static class DuckDbValue
{
    private static readonly MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!;
    private static readonly ConcurrentDictionary<Type, MethodInfo?> ListReaders = new();

    /// <summary>The value at <paramref name="ordinal"/>, or null for SQL NULL.</summary>
    public static object? Read(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal)) return null;
        var type = reader.GetFieldType(ordinal);
        if (type == typeof(DateTime) && IsTimeZoned(reader.GetDataTypeName(ordinal)))
            return DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);
        return ListReaders.GetOrAdd(type, NullableListReader) is { } read
            ? read.Invoke(reader, [ordinal])
            : reader.GetValue(ordinal);
    }

    /// <summary>True for DuckDB's TIMESTAMPTZ, which DuckDB.NET names <c>TimestampTz</c>.</summary>
    public static bool IsTimeZoned(string typeName) =>
        typeName.Contains("TIME ZONE", StringComparison.OrdinalIgnoreCase) || typeName.EndsWith("TZ", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>GetFieldValue&lt;List&lt;int?&gt;&gt;</c> for a column reported as <c>List&lt;int&gt;</c>; null for any other type.</summary>
    private static MethodInfo? NullableListReader(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>)
            && type.GetGenericArguments()[0] is { IsValueType: true } item && Nullable.GetUnderlyingType(item) is null
            ? GetFieldValue.MakeGenericMethod(typeof(List<>).MakeGenericType(typeof(Nullable<>).MakeGenericType(item)))
            : null;
}
