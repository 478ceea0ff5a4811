using System.Globalization;

namespace Spx.Research.Lake;

/// <summary>
/// Quoting for SQL built in code — identifiers, string literals, dates, instants and file lists — so every
/// value from a request or a caller reaches DuckDB as data, never as SQL. Used by the lake, the simulator and notebooks.
/// </summary>
public static class SqlText
{
    /// <summary><c>"name"</c>, with embedded quotes doubled.</summary>
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary><c>'text'</c>, with embedded quotes doubled.</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary><c>DATE 'YYYY-MM-DD'</c>.</summary>
    public static string Date(DateOnly date) => "DATE '" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";

    /// <summary><c>TIMESTAMPTZ 'YYYY-MM-DD HH:MM:SS.fffffff+00'</c> for a UTC instant.</summary>
    public static string Instant(DateTimeOffset instant) =>
        "TIMESTAMPTZ '" + instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "+00'";

    /// <summary>A DuckDB list of file paths, e.g. for <c>read_parquet([...])</c>.</summary>
    public static string FileList(IEnumerable<string> paths) => "[" + string.Join(", ", paths.Select(Literal)) + "]";

    /// <summary>Comma-separated quoted identifiers.</summary>
    public static string Identifiers(IEnumerable<string> names) => string.Join(", ", names.Select(Identifier));

    /// <summary>
    /// <paramref name="schema"/>'s columns as a select list in its declared types: <c>CAST("c" AS T) AS "c", …</c>, or, with
    /// <paramref name="value"/>, that expression cast to each column's type (<c>NULL</c> gives an empty typed row).
    /// </summary>
    public static string TypedColumns(DatasetSchema schema, string? value = null) =>
        string.Join(", ", schema.Columns.Select(c => $"CAST({value ?? Identifier(c.Name)} AS {c.Type}) AS {Identifier(c.Name)}"));
}
