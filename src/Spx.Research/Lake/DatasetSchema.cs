namespace Spx.Research.Lake;

/// <summary>
/// The declared shape of one lake dataset: ordered columns, the key that identifies a record (used to
/// de-duplicate re-sent and re-polled data) and, optionally, the timestamp column whose New York date
/// must equal the partition date. Writes are checked against it so bad input fails loudly instead of
/// silently landing in the lake.
/// </summary>
/// <remarks>
/// The partition column <c>date</c> is not declared here: it is the folder name
/// (<c>date=YYYY-MM-DD</c>), supplied per write, and added back by the views as a <c>DATE</c>.
/// </remarks>
public sealed class DatasetSchema
{
    /// <summary>Declares a dataset; throws <see cref="ArgumentException"/> when the declaration is inconsistent.</summary>
    /// <param name="name">Dataset (folder and view) name, a lower-case identifier.</param>
    /// <param name="description">One line on what the dataset holds and why.</param>
    /// <param name="columns">Columns in file order.</param>
    /// <param name="key">Columns that identify a record; each must be declared and non-nullable.</param>
    /// <param name="sessionDateColumn">
    /// A <c>TIMESTAMPTZ</c> column whose America/New_York date (or a <c>DATE</c> column whose value) must
    /// equal the partition date; null when the partition date is only supplied by the writer (e.g. a
    /// per-day reference list).
    /// </param>
    public DatasetSchema(
        string name,
        string description,
        IEnumerable<DatasetColumn> columns,
        IEnumerable<string> key,
        string? sessionDateColumn = null)
    {
        if (!DatasetColumn.IdentifierPattern().IsMatch(name))
            throw new ArgumentException($"Dataset name '{name}' must be a lower-case identifier ([a-z][a-z0-9_]*).", nameof(name));
        Name = name;
        Description = description;
        Columns = columns.ToArray();
        Key = key.ToArray();
        SessionDateColumn = sessionDateColumn;

        if (Columns.Count == 0) throw Invalid("declares no columns");
        var duplicate = Columns.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw Invalid($"declares column '{duplicate.Key}' twice");
        if (Find(LakeLayout.PartitionColumn) is not null)
            throw Invalid($"declares a column named '{LakeLayout.PartitionColumn}', which is reserved for the partition folder");
        if (Key.Count == 0) throw Invalid("has an empty key; every dataset needs a key to de-duplicate by");
        foreach (var keyColumn in Key)
        {
            var column = Find(keyColumn) ?? throw Invalid($"has key column '{keyColumn}' that is not declared");
            if (column.Nullable) throw Invalid($"has key column '{keyColumn}' declared nullable; key columns must be NOT NULL");
        }
        if (sessionDateColumn is not null)
        {
            var column = Find(sessionDateColumn) ?? throw Invalid($"has session date column '{sessionDateColumn}' that is not declared");
            if (SessionDateKindOf(column) is null)
                throw Invalid($"has session date column '{sessionDateColumn}' of type {column.Type}; it must be TIMESTAMPTZ or DATE");
        }
    }

    /// <summary>Dataset name: folder under the lake root and view name in a <see cref="LakeSession"/>.</summary>
    public string Name { get; }

    /// <summary>One line on what the dataset holds.</summary>
    public string Description { get; }

    /// <summary>Columns in file order (without the partition column <c>date</c>).</summary>
    public IReadOnlyList<DatasetColumn> Columns { get; }

    /// <summary>Columns that identify a record.</summary>
    public IReadOnlyList<string> Key { get; }

    /// <summary>Column whose New York date must equal the partition date, if any.</summary>
    public string? SessionDateColumn { get; }

    /// <summary>The declared column with this name, or null.</summary>
    public DatasetColumn? Find(string columnName) => Columns.FirstOrDefault(c => c.Name == columnName);

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>True for a TIMESTAMPTZ column, false for DATE, null for anything else.</summary>
    internal static bool? SessionDateKindOf(DatasetColumn column) => column.Type.ToUpperInvariant() switch
    {
        "TIMESTAMPTZ" or "TIMESTAMP WITH TIME ZONE" => true,
        "DATE" => false,
        _ => null,
    };

    private ArgumentException Invalid(string problem) => new($"Dataset '{Name}' {problem}.");
}
