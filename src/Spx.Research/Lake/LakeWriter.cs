using DuckDB.NET.Data;

namespace Spx.Research.Lake;

/// <summary>
/// Writes partitions of the lake: replace, append, compact, delete — each atomic for concurrent readers
/// and each a no-op when repeated with the same input. Rows are staged on the writer's own in-memory
/// DuckDB connection, validated against the dataset schema, and written with one <c>COPY … TO</c>
/// (zstd Parquet, sorted by the dataset key).
/// </summary>
/// <remarks>
/// <para>Atomicity: every file is written under a <c>.tmp</c> name, flushed, and renamed to a name made
/// from its content, so a visible path never changes and is never half-written. Each partition folder
/// <c>date=…</c> is a symbolic link to a version folder: a replace or compaction writes a new version and
/// swaps the link with one rename; an append renames one new file into the current version. Replaced
/// versions stay on disk for <see cref="LakeWriterOptions.RetiredVersionGrace"/>. A
/// <see cref="LakeSession"/> reads snapshots of real file paths, so its queries always see each partition
/// as one complete version; why it does not simply glob, and what glob readers see, is explained on
/// <c>PartitionStore</c>.</para>
/// <para>Writers of the same partition serialise on a lock file (across processes), so an append's
/// de-duplication and a compaction's merge cannot race; different partitions write in parallel. One
/// <see cref="LakeWriter"/> is not thread-safe (it owns one DuckDB connection).</para>
/// <para>De-duplication is by the dataset key; the first occurrence wins — within an input its earliest
/// row, across appends the row already stored. Use <see cref="ReplacePartition"/> to correct stored rows.</para>
/// <para>A rejected write (<see cref="LakeSchemaException"/>, lock timeout, I/O error) leaves the partition as
/// it was: nothing is published until the new file is complete.</para>
/// </remarks>
public sealed class LakeWriter : IDisposable
{
    private readonly LakeWriterOptions _options;
    private readonly LakeQuarantine _quarantine;
    private readonly Dictionary<string, string> _canonicalTypes = new(StringComparer.Ordinal);
    private int _tables;

    /// <summary>A writer for the lake at <paramref name="layout"/> with the datasets of <paramref name="registry"/>.</summary>
    public LakeWriter(LakeLayout layout, DatasetRegistry registry, LakeWriterOptions? options = null)
    {
        Layout = layout;
        Registry = registry;
        _options = options ?? new LakeWriterOptions();
        _quarantine = new LakeQuarantine(layout);
        Connection = new DuckDBConnection("Data Source=:memory:");
        Connection.Open();
        // Naive TIMESTAMP inputs are UTC instants (the lake's convention), whatever the machine's zone.
        Connection.ExecuteNonQuery("SET TimeZone = 'UTC'");
    }

    /// <summary>The lake written to.</summary>
    public LakeLayout Layout { get; }

    /// <summary>The datasets this writer knows.</summary>
    public DatasetRegistry Registry { get; }

    /// <summary>
    /// The writer's private in-memory DuckDB connection: create and fill tables here, then pass
    /// <see cref="LakeSource.FromSql"/> queries over them. Time zone is UTC.
    /// </summary>
    public DuckDBConnection Connection { get; }

    /// <summary>
    /// Makes the partition hold exactly the rows of <paramref name="source"/>, de-duplicated by key, in one
    /// file. Readers switch from the old content to the new in one step. Writing the same rows again
    /// changes nothing (same file name and bytes) unless the stored file no longer holds those bytes:
    /// then the rewrite replaces it. No rows publish an empty partition (a zero-row file).
    /// </summary>
    public LakeWriteResult ReplacePartition(string dataset, DateOnly date, LakeSource source, InvalidRows invalidRows = InvalidRows.Reject)
    {
        var schema = Registry[dataset];
        using var batch = Prepare(schema, date, source, invalidRows, fillMissingNullable: false);
        var store = Store(dataset, date);
        using var writeLock = store.Lock(_options.LockTimeout);
        store.CollectGarbage(_options.RetiredVersionGrace);
        var existing = CurrentFiles(store);

        var (version, file) = WriteVersion(store, folder => WriteFile(batch.Table, schema, folder));
        if (existing.Count == 1 && Path.GetFileName(existing[0]) == Path.GetFileName(file) && AtomicFile.HoldsItsContent(existing[0]))
        {
            PartitionStore.Discard(version);
            return Result(store, batch.Rows, batch.Rows, batch, batch.Duplicates, changed: false, existing);
        }
        store.Publish(version);
        return Result(store, batch.Rows, batch.Rows, batch, batch.Duplicates, changed: true, [file]);
    }

    /// <summary>
    /// <see cref="ReplacePartition(string, DateOnly, LakeSource, InvalidRows)"/> for rows computed in C#: the batch is
    /// checked in C# (<see cref="ColumnBatchValidation"/>: the dataset's columns and types, NULLs, session date, no
    /// repeated key; any invalid row rejects the batch) and written straight from its arrays
    /// (<see cref="ParquetBatchFile"/>), sorted by key. Publishing is the same: a new version swapped in, or nothing
    /// when the stored file already holds these bytes. Unlike the other writes this one does not use
    /// <see cref="Connection"/>, so writers on other threads may run it for other partitions.
    /// </summary>
    /// <exception cref="LakeSchemaException">The batch does not fit the dataset; nothing was written.</exception>
    public LakeWriteResult ReplacePartition(string dataset, DateOnly date, ColumnBatch rows)
    {
        var schema = Registry[dataset];
        var batch = ColumnBatchValidation.Checked(schema, date, rows);
        var store = Store(dataset, date);
        using var writeLock = store.Lock(_options.LockTimeout);
        store.CollectGarbage(_options.RetiredVersionGrace);
        var existing = CurrentFiles(store);
        var (version, file) = WriteVersion(store, folder => WriteFile(batch, schema.Key, folder));
        var count = batch.RowCount;
        if (existing.Count == 1 && Path.GetFileName(existing[0]) == Path.GetFileName(file) && AtomicFile.HoldsItsContent(existing[0]))
        {
            PartitionStore.Discard(version);
            return new LakeWriteResult(dataset, date, count, count, 0, 0, false, store.Visible(existing));
        }
        store.Publish(version);
        return new LakeWriteResult(dataset, date, count, count, 0, 0, true, store.Visible([file]));
    }

    /// <summary>
    /// Adds the rows of <paramref name="source"/> whose key is not yet in the partition, as one new file
    /// (no file when every row is already there), creating the partition if needed.
    /// </summary>
    public LakeWriteResult AppendToPartition(string dataset, DateOnly date, LakeSource source, InvalidRows invalidRows = InvalidRows.Reject)
    {
        var schema = Registry[dataset];
        using var batch = Prepare(schema, date, source, invalidRows, fillMissingNullable: false);
        var store = Store(dataset, date);
        using var writeLock = store.Lock(_options.LockTimeout);
        store.CollectGarbage(_options.RetiredVersionGrace);
        var current = store.CurrentVersion();
        var existing = current is null ? [] : PartitionStore.Files(current);

        var stored = 0L;
        var fresh = batch.Rows;
        if (existing.Count > 0)
        {
            var table = SqlText.Identifier(batch.Table);
            var matches = string.Join(" AND ", schema.Key.Select(k => $"{table}.{SqlText.Identifier(k)} = stored.{SqlText.Identifier(k)}"));
            stored = Connection.ExecuteScalar<long>($"SELECT CAST(sum(num_rows) AS BIGINT) FROM parquet_file_metadata({SqlText.FileList(existing)})");
            fresh -= Connection.ExecuteNonQuery(
                $"DELETE FROM {table} USING (SELECT DISTINCT {SqlText.Identifiers(schema.Key)} FROM {ReadFiles(existing)}) AS stored WHERE {matches}");
        }
        var duplicates = batch.Duplicates + batch.Rows - fresh;
        if (fresh == 0) return Result(store, stored, 0, batch, duplicates, changed: false, existing);

        if (current is null)
        {
            var (version, created) = WriteVersion(store, folder => WriteFile(batch.Table, schema, folder));
            store.Publish(version);
            return Result(store, fresh, fresh, batch, duplicates, changed: true, [created]);
        }
        // Every row is new, so this file cannot exist yet; renaming it in is one atomic addition.
        WriteFile(batch.Table, schema, current);
        store.Appended();
        return Result(store, stored + fresh, fresh, batch, duplicates, changed: true, PartitionStore.Files(current));
    }

    /// <summary>
    /// Merges a partition's files into one (e.g. the day's 15-minute polls at end of day), de-duplicated
    /// by key and checked against the current schema; files written before a nullable column existed read
    /// it as NULL. A partition with at most one file is left as is, so compaction is idempotent. (Appends
    /// never store a key twice, so which duplicate wins only matters for files from elsewhere.)
    /// </summary>
    public LakeWriteResult CompactPartition(string dataset, DateOnly date)
    {
        var schema = Registry[dataset];
        var store = Store(dataset, date);
        using var writeLock = store.Lock(_options.LockTimeout);
        store.CollectGarbage(_options.RetiredVersionGrace);
        var existing = CurrentFiles(store);
        if (existing.Count <= 1)
        {
            var rows = existing.Count == 0 ? 0 : Connection.ExecuteScalar<long>(
                $"SELECT CAST(num_rows AS BIGINT) FROM parquet_file_metadata({SqlText.Literal(existing[0])})");
            return new LakeWriteResult(dataset, date, rows, 0, 0, 0, false, store.Visible(existing));
        }

        using var batch = Prepare(schema, date, LakeSource.FromSql("SELECT * FROM " + ReadFiles(existing)), InvalidRows.Reject, fillMissingNullable: true);
        var (version, file) = WriteVersion(store, folder => WriteFile(batch.Table, schema, folder));
        store.Publish(version);
        return new LakeWriteResult(dataset, date, batch.Rows, 0, batch.Duplicates, 0, true, store.Visible([file]));
    }

    /// <summary>Removes a partition (readers stop seeing it in one step). Returns false when there was none.</summary>
    public bool DeletePartition(string dataset, DateOnly date)
    {
        _ = Registry[dataset];
        var store = Store(dataset, date);
        if (!Directory.Exists(store.LinkPath)) return false;
        using var writeLock = store.Lock(_options.LockTimeout);
        store.CollectGarbage(_options.RetiredVersionGrace);
        return store.Unpublish();
    }

    /// <summary>
    /// Quarantines the rows of <paramref name="source"/> for <paramref name="reason"/> (any columns;
    /// rows from <see cref="LakeSource.FromAppender"/> have the dataset's). Returns the file, or null for no rows.
    /// </summary>
    public string? Quarantine(string dataset, DateOnly date, LakeSource source, string reason)
    {
        var schema = Registry[dataset];
        var stage = NewTable("quarantine");
        try
        {
            source.Stage(Connection, stage, schema);
            return _quarantine.Write(Connection, dataset, date, $"SELECT * FROM {SqlText.Identifier(stage)} ORDER BY rowid", reason);
        }
        finally
        {
            Drop(stage);
        }
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose() => Connection.Dispose();

    /// <summary>Stages, validates, quarantines or rejects invalid rows, and de-duplicates: the batch's clean table.</summary>
    private Batch Prepare(DatasetSchema schema, DateOnly date, LakeSource source, InvalidRows invalidRows, bool fillMissingNullable)
    {
        var stage = NewTable("stage");
        var clean = NewTable("clean");
        try
        {
            source.Stage(Connection, stage, schema);
            var (projection, rules) = BatchValidation.Plan(
                Connection, schema, date, stage, CanonicalType, fillMissingNullable, fillMissingNullable ? null : _options.Checks);
            var counts = BatchValidation.Count(Connection, stage, rules);
            var quarantined = 0L;
            string? quarantineFile = null;
            if (counts.Invalid > 0)
            {
                if (invalidRows == InvalidRows.Reject) throw BatchValidation.Rejection(Connection, schema, date, stage, rules, counts);
                var rejects = $"SELECT *, {BatchValidation.Reason(rules)} AS reason FROM {SqlText.Identifier(stage)} WHERE {BatchValidation.AnyFails(rules)} ORDER BY rowid";
                quarantineFile = _options.QuarantineName is { } name
                    ? _quarantine.Replace(Connection, schema.Name, date, rejects, name)
                    : _quarantine.Write(Connection, schema.Name, date, rejects);
                quarantined = counts.Invalid;
            }
            else if (_options.QuarantineName is { } name && invalidRows == InvalidRows.Quarantine)
            {
                _quarantine.Remove(schema.Name, date, name);
            }

            var typed = projection.ToDictionary(p => p.Column.Name, p => p.Expression);
            var columns = string.Join(", ", projection.Select(p => $"{p.Expression} AS {SqlText.Identifier(p.Column.Name)}"));
            var key = string.Join(", ", schema.Key.Select(k => typed[k]));
            var valid = $"FROM {SqlText.Identifier(stage)} WHERE NOT ({BatchValidation.AnyFails(rules)})";
            var unique = Connection.ExecuteScalar<long>($"SELECT count(*) FROM (SELECT DISTINCT {key} {valid})") == counts.Total - counts.Invalid;
            if (unique && counts.Invalid == 0 && (source.StagesDeclaredColumns || BatchValidation.HasDeclaredColumns(Connection, schema, stage, CanonicalType)))
            {
                // The common case for in-process writers: every row valid, no repeated key, and the staged
                // table already has the declared columns in order (an appender's, or a query's that selects
                // exactly them). It is the clean table; copying it would cost more than validating it.
                return new Batch(this, stage, counts.Total, 0, quarantined, quarantineFile);
            }

            // Keep each key's first row only when some key repeats: the window is the dearest step.
            Connection.ExecuteNonQuery(unique
                ? $"CREATE TABLE {SqlText.Identifier(clean)} AS SELECT {columns} {valid}"
                : $"CREATE TABLE {SqlText.Identifier(clean)} AS SELECT {columns} {valid} QUALIFY row_number() OVER (PARTITION BY {key} ORDER BY rowid) = 1");
            var rows = Connection.ExecuteScalar<long>($"SELECT count(*) FROM {SqlText.Identifier(clean)}");
            Drop(stage);
            return new Batch(this, clean, rows, counts.Total - counts.Invalid - rows, quarantined, quarantineFile);
        }
        catch
        {
            Drop(stage);
            Drop(clean);
            throw;
        }
    }

    /// <summary>Deletes retired versions past their grace period and leftovers of crashed writes, for every partition of a dataset.</summary>
    public void CollectGarbage(string dataset)
    {
        var versions = Path.Combine(Layout.DatasetDirectory(dataset), LakeLayout.VersionsFolder);
        if (!Directory.Exists(versions)) return;
        foreach (var folder in Directory.EnumerateDirectories(versions))
        {
            if (!LakeLayout.TryParsePartitionName(Path.GetFileName(folder), out var date)) continue;
            var store = Store(dataset, date);
            using var writeLock = store.Lock(_options.LockTimeout);
            store.CollectGarbage(_options.RetiredVersionGrace);
        }
    }

    private PartitionStore Store(string dataset, DateOnly date) => new(Layout, dataset, date, _options.TimeProvider);

    private static IReadOnlyList<string> CurrentFiles(PartitionStore store) =>
        store.CurrentVersion() is { } version ? PartitionStore.Files(version) : [];

    private static string ReadFiles(IReadOnlyList<string> files) =>
        $"read_parquet({SqlText.FileList(files)}, union_by_name = true, hive_partitioning = false)";

    private static LakeWriteResult Result(
        PartitionStore store, long rows, long newRows, Batch batch, long duplicates, bool changed, IReadOnlyList<string> files) =>
        new(store.Dataset, store.Date, rows, newRows, duplicates, batch.Quarantined, changed, store.Visible(files)) { QuarantineFile = batch.QuarantineFile };

    /// <summary>Writes a table into a new, unpublished version folder (removed again if the write fails).</summary>
    private static (string Version, string File) WriteVersion(PartitionStore store, Func<string, string> writeFile)
    {
        var version = store.CreateVersion();
        try
        {
            return (version, writeFile(version));
        }
        catch
        {
            PartitionStore.Discard(version);
            throw;
        }
    }

    /// <summary>Writes a checked batch (already in key order) to a temp file in <paramref name="folder"/> and publishes it under its content name.</summary>
    private static string WriteFile(ColumnBatch batch, IReadOnlyList<string> key, string folder)
    {
        var temp = AtomicFile.TempPath(folder);
        try
        {
            ParquetBatchFile.Write(batch, temp, key);
            return AtomicFile.PublishByContent(temp);
        }
        catch
        {
            AtomicFile.DeleteIfExists(temp);
            throw;
        }
    }

    /// <summary>Writes a table, sorted by key, to a temp file in <paramref name="folder"/> and publishes it under its content name.</summary>
    private string WriteFile(string table, DatasetSchema schema, string folder)
    {
        var temp = AtomicFile.TempPath(folder);
        try
        {
            Connection.ExecuteNonQuery(
                $"COPY (SELECT * FROM {SqlText.Identifier(table)} ORDER BY {SqlText.Identifiers(schema.Key)}) " +
                $"TO {SqlText.Literal(temp)} (FORMAT parquet, COMPRESSION zstd)");
            return AtomicFile.PublishByContent(temp);
        }
        catch
        {
            AtomicFile.DeleteIfExists(temp);
            throw;
        }
    }

    /// <summary>DuckDB's own spelling of a declared type (TIMESTAMPTZ → TIMESTAMP WITH TIME ZONE), to compare with staged types.</summary>
    private string CanonicalType(DatasetColumn column)
    {
        if (_canonicalTypes.TryGetValue(column.Type, out var known)) return known;
        try
        {
            var name = Connection.ExecuteScalar<string>($"SELECT typeof(CAST(NULL AS {column.Type}))")!;
            _canonicalTypes[column.Type] = name;
            return name;
        }
        catch (DuckDBException unknown)
        {
            throw new ArgumentException($"Column '{column.Name}' declares type '{column.Type}', which DuckDB does not understand: {unknown.Message}", unknown);
        }
    }

    private string NewTable(string purpose) => $"_lake_{purpose}_{++_tables}";

    private void Drop(string table) => Connection.ExecuteNonQuery($"DROP TABLE IF EXISTS {SqlText.Identifier(table)}");

    /// <summary>The clean rows of one write, in a table dropped on dispose.</summary>
    private sealed class Batch(LakeWriter writer, string table, long rows, long duplicates, long quarantined, string? quarantineFile) : IDisposable
    {
        public string Table => table;

        public long Rows => rows;

        public long Duplicates => duplicates;

        public long Quarantined => quarantined;

        public string? QuarantineFile => quarantineFile;

        public void Dispose() => writer.Drop(table);
    }
}
