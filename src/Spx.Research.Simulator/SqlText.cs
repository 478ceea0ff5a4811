using System.Globalization;

namespace Spx.Research.Simulator;

/// <summary>SQL literals for the simulator's lake queries (the core's helper is internal); every request value goes through these.</summary>
internal static class SqlText
{
    /// <summary>A quoted string literal.</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A DATE literal.</summary>
    public static string Date(DateOnly date) => "DATE '" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";

    /// <summary>A TIMESTAMPTZ literal in UTC.</summary>
    public static string Instant(DateTimeOffset instant) =>
        "TIMESTAMPTZ '" + instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "+00'";
}
