using Spx.Research.Lake;

namespace Spx.Research.Sinks.Postgres;

/// <summary>
/// The PostgreSQL table a dataset is exported to: its declared columns with their PostgreSQL types, then the
/// partition column <c>date</c>, and a primary key made from the dataset key.
/// </summary>
/// <remarks>
/// The lake de-duplicates a key within a partition. When the key holds the timestamp whose New York date is
/// the partition date (<c>ticker, ts</c>), the key alone identifies a row across the whole dataset and is the
/// primary key. Otherwise (a per-day list keyed by <c>ticker</c>, news keyed by <c>id</c>) two partitions may
/// hold the same key, so <c>date</c> leads the primary key: a row per key per day, as in the lake.
/// </remarks>
public sealed class PostgresTable
{
    /// <summary>The table for <paramref name="dataset"/> in the PostgreSQL schema <paramref name="schemaName"/>.</summary>
    public PostgresTable(string schemaName, DatasetSchema dataset)
    {
        SchemaName = schemaName;
        Dataset = dataset;
        Columns = dataset.Columns
            .Select(c => new PostgresColumn(c.Name, PostgresType.Of(dataset.Name, c), !c.Nullable))
            .Append(new PostgresColumn(LakeLayout.PartitionColumn, PostgresType.Of(dataset.Name, DatasetColumn.Required(LakeLayout.PartitionColumn, "DATE")), true))
            .ToArray();
        PrimaryKey = dataset.SessionDateColumn is { } session && dataset.Key.Contains(session)
            ? dataset.Key
            : [LakeLayout.PartitionColumn, .. dataset.Key];
    }

    /// <summary>The PostgreSQL schema (namespace) holding the table.</summary>
    public string SchemaName { get; }

    /// <summary>The dataset the table mirrors; its name is the table's name.</summary>
    public DatasetSchema Dataset { get; }

    /// <summary>The declared columns, then <c>date</c>.</summary>
    public IReadOnlyList<PostgresColumn> Columns { get; }

    /// <summary>The primary key's columns, in order.</summary>
    public IReadOnlyList<string> PrimaryKey { get; }

    /// <summary><c>"schema"."dataset"</c>.</summary>
    public string QualifiedName => $"{Quote(SchemaName)}.{Quote(Dataset.Name)}";

    /// <summary><c>schema.dataset</c>, for messages.</summary>
    public string DisplayName => $"{SchemaName}.{Dataset.Name}";

    /// <summary>Creates the table when it does not exist.</summary>
    public string CreateSql =>
        $"CREATE TABLE IF NOT EXISTS {QualifiedName} ({string.Join(", ", Columns.Select(c => c.Definition))}, " +
        $"PRIMARY KEY ({QuotedList(PrimaryKey)}))";

    /// <summary>A PostgreSQL quoted identifier.</summary>
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Quoted identifiers, comma separated.</summary>
    public static string QuotedList(IEnumerable<string> names) => string.Join(", ", names.Select(Quote));
}
