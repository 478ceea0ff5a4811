using System.Text.RegularExpressions;

namespace Spx.Research.Lake;

/// <summary>
/// One declared column of a lake dataset. <see cref="Type"/> is a DuckDB type string
/// (<c>TIMESTAMPTZ</c>, <c>DOUBLE</c>, <c>VARCHAR[]</c>, …) because DuckDB is what writes and reads the
/// Parquet files: declaring types in its vocabulary means no translation layer can drift.
/// </summary>
public sealed partial record DatasetColumn
{
    /// <summary>Declares a column.</summary>
    /// <param name="name">Lower-case SQL identifier, e.g. <c>close</c>.</param>
    /// <param name="type">DuckDB type, e.g. <c>DOUBLE</c>.</param>
    /// <param name="nullable">Whether NULL is a legal value; NULL in a non-nullable column fails validation.</param>
    public DatasetColumn(string name, string type, bool nullable)
    {
        if (!IdentifierPattern().IsMatch(name))
            throw new ArgumentException($"Column name '{name}' must be a lower-case identifier ([a-z][a-z0-9_]*).", nameof(name));
        if (string.IsNullOrWhiteSpace(type))
            throw new ArgumentException($"Column '{name}' needs a DuckDB type.", nameof(type));
        Name = name;
        Type = type.Trim();
        Nullable = nullable;
    }

    /// <summary>Column name as it appears in the Parquet files and the views.</summary>
    public string Name { get; }

    /// <summary>DuckDB type string.</summary>
    public string Type { get; }

    /// <summary>Whether NULL is allowed.</summary>
    public bool Nullable { get; }

    /// <summary>A column that must always have a value.</summary>
    public static DatasetColumn Required(string name, string type) => new(name, type, nullable: false);

    /// <summary>A column that may be NULL (the feed does not always send it).</summary>
    public static DatasetColumn Optional(string name, string type) => new(name, type, nullable: true);

    /// <inheritdoc />
    public override string ToString() => $"{Name} {Type}{(Nullable ? "" : " NOT NULL")}";

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    internal static partial Regex IdentifierPattern();
}
