namespace Spx.Research.Sinks.Postgres;

/// <summary>
/// The SQL of one partition's load: a temporary staging table shaped like the target, filled by binary COPY,
/// then merged with <c>INSERT … ON CONFLICT (key) DO UPDATE</c>. The update only touches rows whose values
/// differ, so re-running an export writes nothing, and the counts say what actually changed.
/// </summary>
internal sealed class PostgresUpsert(PostgresTable table)
{
    /// <summary>The staging table: private to the session, dropped at commit or rollback.</summary>
    public const string Stage = "_spx_stage";

    public string CreateStage =>
        $"CREATE TEMP TABLE {PostgresTable.Quote(Stage)} (LIKE {table.QualifiedName}) ON COMMIT DROP";

    public string Copy =>
        $"COPY {PostgresTable.Quote(Stage)} ({ColumnList}) FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// Inserts new keys, updates changed rows, returns (inserted, updated). <c>xmax = 0</c> marks a row this
    /// statement inserted rather than updated. <c>DISTINCT ON</c> keeps one row per key should a partition
    /// copied in from elsewhere repeat one (PostgreSQL refuses to update a row twice in one statement).
    /// </summary>
    public string Merge
    {
        get
        {
            var key = PostgresTable.QuotedList(table.PrimaryKey);
            var others = table.Columns.Where(c => !table.PrimaryKey.Contains(c.Name)).Select(c => c.Quoted).ToArray();
            var conflict = others.Length == 0
                ? "DO NOTHING"
                : $"DO UPDATE SET {string.Join(", ", others.Select(c => $"{c} = EXCLUDED.{c}"))} " +
                  $"WHERE ({string.Join(", ", others.Select(c => "target." + c))}) IS DISTINCT FROM ({string.Join(", ", others.Select(c => "EXCLUDED." + c))})";
            return $"""
                WITH merged AS (
                    INSERT INTO {table.QualifiedName} AS target ({ColumnList})
                    SELECT DISTINCT ON ({key}) {ColumnList} FROM {PostgresTable.Quote(Stage)} ORDER BY {key}
                    ON CONFLICT ({key}) {conflict}
                    RETURNING (xmax = 0) AS inserted)
                SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM merged
                """;
        }
    }

    private string ColumnList => PostgresTable.QuotedList(table.Columns.Select(c => c.Name));
}
