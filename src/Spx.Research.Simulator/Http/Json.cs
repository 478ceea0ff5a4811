using System.Text.Json.Nodes;
using DuckDB.NET.Data;

namespace Spx.Research.Simulator.Http;

/// <summary>Small helpers to build wire objects from reader rows, leaving fields out when the lake has NULL (as Polygon omits them).</summary>
public static class Json
{
    /// <summary>Sets <paramref name="name"/> to the double at <paramref name="ordinal"/> unless it is NULL.</summary>
    public static JsonObject Double(this JsonObject target, string name, DuckDBDataReader reader, int ordinal)
    {
        if (!reader.IsDBNull(ordinal)) target[name] = reader.GetDouble(ordinal);
        return target;
    }

    /// <summary>Nullable double from a column.</summary>
    public static double? OptDouble(this DuckDBDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    /// <summary>Nullable string from a column.</summary>
    public static string? OptString(this DuckDBDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
