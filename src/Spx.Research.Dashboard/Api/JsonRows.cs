using System.Globalization;
using System.Text.Json;
using Spx.Research.Lake;

namespace Spx.Research.Dashboard.Api;

/// <summary>
/// Writes query results as JSON objects named by the SQL's column names, so each endpoint's shape is its
/// SELECT list. Instants are ISO-8601 UTC (<c>2025-03-05T15:00:00Z</c>), dates <c>yyyy-MM-dd</c>, numbers as numbers.
/// </summary>
internal static class JsonRows
{
    /// <summary>
    /// Every row of <paramref name="sql"/>, read whole before anything is written: <see cref="LakeSession.Query{T}"/>
    /// may run its delegate twice (a partition swapped mid-read), and a half-written response cannot be taken back.
    /// </summary>
    public static RowSet Query(LakeSession lake, string sql) => lake.Query(sql, reader =>
    {
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[names.Length];
            for (var i = 0; i < row.Length; i++) row[i] = DuckDbValue.Read(reader, i);
            rows.Add(row);
        }
        return new RowSet(names, rows);
    });

    /// <summary>The rows as an array of objects.</summary>
    public static void WriteArray(Utf8JsonWriter json, RowSet rows)
    {
        json.WriteStartArray();
        foreach (var row in rows.Rows) WriteObject(json, rows.Names, row);
        json.WriteEndArray();
    }

    /// <summary>One row as an object.</summary>
    public static void WriteObject(Utf8JsonWriter json, IReadOnlyList<string> names, object?[] row)
    {
        json.WriteStartObject();
        for (var i = 0; i < names.Count; i++)
        {
            json.WritePropertyName(names[i]);
            WriteValue(json, row[i]);
        }
        json.WriteEndObject();
    }

    /// <summary>One plain value (see the class summary for the formats).</summary>
    public static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case bool b: json.WriteBooleanValue(b); break;
            case long l: json.WriteNumberValue(l); break;
            case int i: json.WriteNumberValue(i); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
            case double: json.WriteNullValue(); break; // NaN and infinities have no JSON form
            case decimal m: json.WriteNumberValue(m); break;
            case DateOnly date: json.WriteStringValue(Date(date)); break;
            case DateTime { Kind: DateTimeKind.Utc } instant: json.WriteStringValue(Instant(instant)); break;
            case DateTime { TimeOfDay.Ticks: 0 } date: json.WriteStringValue(Date(DateOnly.FromDateTime(date))); break;
            case DateTime local: json.WriteStringValue(local.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)); break;
            case DateTimeOffset offset: json.WriteStringValue(Instant(offset.UtcDateTime)); break;
            default: json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary><c>yyyy-MM-dd</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>ISO-8601 UTC with a <c>Z</c>, fractions only when there are any.</summary>
    public static string Instant(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>ISO-8601 UTC with a <c>Z</c>.</summary>
    public static string Instant(DateTimeOffset instant) => Instant(instant.UtcDateTime);
}

/// <summary>A query's column names and rows, as plain values (<see cref="DuckDbValue"/>).</summary>
internal sealed record RowSet(IReadOnlyList<string> Names, IReadOnlyList<object?[]> Rows);
