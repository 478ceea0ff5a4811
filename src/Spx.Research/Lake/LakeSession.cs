using System.Data.Common;
using DuckDB.NET.Data;

namespace Spx.Research.Lake;

/// <summary>
/// Read access to the lake: a private in-memory DuckDB connection with one view per dataset
/// (<c>SELECT * FROM stock_bars_1m WHERE date = …</c>), plus <c>quarantine.&lt;dataset&gt;</c> views over
/// rejected records. No database file is opened, so no lock is ever held: any number of notebooks, CLI
/// runs and dashboards read while writers write.
/// </summary>
/// <remarks>
/// <para>Each view reads an explicit snapshot of the dataset's files by real path (one version per
/// partition), with Hive partitioning (<c>date</c> comes back as <c>DATE</c>) and <c>union_by_name</c>
/// (files written before a column was added read it as NULL). Concurrent writers never change or remove
/// those files within <see cref="LakeWriterOptions.RetiredVersionGrace"/>, so a query sees every
/// partition as one complete version — never a partial file, a missing file or two versions mixed.
/// A registered dataset with no files gets an empty view with the declared columns.</para>
/// <para>Freshness: <see cref="Run{T}"/>, <see cref="Query{T}"/>, <see cref="Scalar{T}"/>,
/// <see cref="Columnar"/> and <see cref="Info"/> first re-snapshot the datasets whose change token moved
/// (a small read per dataset), and re-run a query whose snapshot outlived the grace period. Queries on
/// <see cref="Connection"/> directly use the views as last refreshed: consistent, but call
/// <see cref="Refresh"/> to see newer writes.</para>
/// <para>Why not <c>read_parquet('LAKE/&lt;dataset&gt;/*/*.parquet')</c>: DuckDB silently skips a globbed file
/// that disappears between listing and opening, so a glob racing a partition swap can drop files
/// without an error (details on <c>PartitionStore</c>). The glob still works for other tools.</para>
/// <para>Like its connection, a session is not thread-safe: open one per thread (it is cheap).</para>
/// </remarks>
public sealed class LakeSession : IDisposable
{
    private const int MaxAttempts = 5;
    private const string QuarantineSchema = "quarantine";
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LakeSnapshot> _snapshots = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string[]> _warnings = new(StringComparer.Ordinal);
    private readonly UnreadableFiles _unreadable = new();
    private bool _lakeExists;
    private string[] _views = [];
    private string[] _quarantined = [];

    /// <summary>Opens a session over the lake at <paramref name="layout"/>; creates nothing on disk.</summary>
    public LakeSession(LakeLayout layout, DatasetRegistry registry)
    {
        Layout = layout;
        Registry = registry;
        Connection = new DuckDBConnection("Data Source=:memory:");
        Connection.Open();
        try
        {
            Refresh();
        }
        catch
        {
            Connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens a session over the lake at <paramref name="root"/> with <paramref name="registry"/> (default: <see cref="DatasetRegistry.Default"/>).</summary>
    public static LakeSession Open(string root, DatasetRegistry? registry = null) =>
        new(new LakeLayout(root), registry ?? DatasetRegistry.Default);

    /// <summary>The lake read.</summary>
    public LakeLayout Layout { get; }

    /// <summary>The declared datasets.</summary>
    public DatasetRegistry Registry { get; }

    /// <summary>The session's connection, with the views; use it for anything DuckDB can do.</summary>
    public DuckDBConnection Connection { get; }

    /// <summary>Dataset view names as of the last refresh: registered datasets first (registry order), then other datasets found on disk.</summary>
    public IReadOnlyList<string> Views => _views;

    /// <summary>
    /// Partitions the views leave out because a file in them is unreadable, one line each naming the
    /// partition, the file and the reason, as of the last refresh (empty when everything reads).
    /// </summary>
    public IReadOnlyList<string> Warnings => _warnings.Values.SelectMany(w => w).ToArray();

    /// <summary>Number of queries repeated because their snapshot's files were gone (diagnostics).</summary>
    public int Retries { get; private set; }

    /// <summary>Number of times the session looked for changes in the lake (diagnostics: once per query, once per <see cref="Info"/>).</summary>
    internal int Syncs { get; private set; }

    /// <summary>Re-snapshots every dataset and re-creates all views.</summary>
    public void Refresh() => Sync(force: true);

    /// <summary>
    /// Runs <paramref name="query"/> on the connection after refreshing changed datasets; repeats it once
    /// the views are re-snapshotted if it failed because a snapshot's files were deleted. The delegate may
    /// run more than once: build the result inside it and have no other side effects.
    /// </summary>
    public T Run<T>(Func<DuckDBConnection, T> query)
    {
        Sync(force: false);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return query(Connection);
            }
            catch (DbException error) when (attempt < MaxAttempts && IsVanishedLakeFile(error))
            {
                Retries++;
                Sync(force: true);
            }
            catch (DbException error) when (!_lakeExists && error.Message.Contains(LakeNotFoundException.MessageFor(Layout.Root), StringComparison.Ordinal))
            {
                throw new LakeNotFoundException(Layout.Root, error);
            }
        }
    }

    /// <summary>Runs <paramref name="sql"/> and hands the reader to <paramref name="read"/> (see <see cref="Run{T}"/>).</summary>
    public T Query<T>(string sql, Func<DuckDBDataReader, T> read) => Run(connection =>
    {
        using var reader = connection.ExecuteReader(sql);
        return read(reader);
    });

    /// <summary>
    /// The whole result of <paramref name="sql"/> as a <see cref="Microsoft.Data.Analysis.DataFrame"/>, one typed column
    /// per result column (<see cref="DataFrameReader"/>), which displays as a bounded table in notebooks (see <see cref="Run{T}"/>).
    /// </summary>
    public Microsoft.Data.Analysis.DataFrame Frame(string sql) => Query(sql, DataFrameReader.Read);

    /// <summary>The first value of <paramref name="sql"/> (see <see cref="Run{T}"/>).</summary>
    public T? Scalar<T>(string sql) => Run(connection => connection.ExecuteScalar<T>(sql));

    /// <summary>The whole result of <paramref name="sql"/>, column-wise (see <see cref="Run{T}"/>).</summary>
    public DuckDbColumnarResult Columnar(string sql) => Run(connection => connection.ExecuteColumnar(sql));

    /// <summary>Partitions, files, rows, bytes and date range of every dataset in <see cref="Views"/>, from Parquet footers (no data scanned).</summary>
    /// <remarks>One look for changes for all datasets, so every row describes the lake as of the same instant.</remarks>
    public IReadOnlyList<LakeInfo> Info() => Run(_ =>
    {
        if (!_lakeExists) throw new LakeNotFoundException(Layout.Root);
        return Views.Select(dataset => Describe(_snapshots[dataset])).ToArray();
    });

    /// <summary>
    /// The files <paramref name="dataset"/>'s view reads for <paramref name="date"/> as of the last refresh (empty when
    /// none), for a reader that goes around DuckDB but must see exactly what the view sees: the same version of the
    /// partition, unreadable files left out. Call it inside <see cref="Run{T}"/>, whose refresh it relies on.
    /// </summary>
    internal IReadOnlyList<string> ViewFiles(string dataset, DateOnly date)
    {
        if (!_snapshots.TryGetValue(dataset, out var snapshot)) return [];
        foreach (var (partition, files) in snapshot.Partitions)
        {
            if (partition == date) return files;
        }
        return [];
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose() => Connection.Dispose();

    /// <summary>Re-creates the view of every dataset whose change token moved (all of them when <paramref name="force"/>).</summary>
    private void Sync(bool force)
    {
        Syncs++;
        var lakeExists = Directory.Exists(Layout.Root);
        force |= lakeExists != _lakeExists;
        _lakeExists = lakeExists;
        var candidates = Registry.Datasets.Select(d => d.Name).Concat(Layout.DatasetsOnDisk().Where(d => !Registry.Contains(d)));
        var views = new List<string>();
        foreach (var dataset in candidates)
        {
            // Unchanged token: keep the view. A folder written only by other tools has no token and is
            // listed every time; a dataset with no folder at all has nothing to list.
            var token = LakeChanges.Read(Layout, dataset);
            if (!force && _views.Contains(dataset) && _tokens.GetValueOrDefault(dataset) == token
                && (token.Length > 0 || !Directory.Exists(Layout.DatasetDirectory(dataset))))
            {
                views.Add(dataset);
                continue;
            }
            var snapshot = LakeSnapshot.Take(Layout, dataset);
            _tokens[dataset] = snapshot.Token;
            if (CreateView(snapshot)) views.Add(dataset);
        }
        foreach (var gone in _warnings.Keys.Except(views).ToArray()) _warnings.Remove(gone);
        foreach (var stale in _views.Except(views)) Connection.ExecuteNonQuery($"DROP VIEW IF EXISTS {SqlText.Identifier(stale)}");
        _views = [.. views];
        SyncQuarantine(force);
    }

    /// <summary>
    /// Creates the view of <paramref name="snapshot"/>'s dataset over its readable partitions; false when
    /// there is nothing to show. Files are only probed one by one when the view fails to bind (DuckDB reads
    /// every footer then), so a sound lake costs nothing extra.
    /// </summary>
    private bool CreateView(LakeSnapshot snapshot)
    {
        try
        {
            return CreateViewOver(LeaveOutUnreadable(snapshot));
        }
        catch (DbException)
        {
            if (!_unreadable.Probe(snapshot, UnreadableReason)) throw;
            return CreateViewOver(LeaveOutUnreadable(snapshot));
        }
    }

    private bool CreateViewOver(LakeSnapshot readable)
    {
        var dataset = readable.Dataset;
        var select = readable.Partitions.Count > 0 ? ReadParquet(SqlText.FileList(readable.Files))
            : Registry.TryGet(dataset, out var schema) ? (_lakeExists ? EmptySelect(schema) : MissingLakeSelect(schema))
            : null; // a folder with no data and no schema: nothing to show
        if (select is null) return false;
        Connection.ExecuteNonQuery($"CREATE OR REPLACE VIEW {SqlText.Identifier(dataset)} AS {select}");
        return true;
    }

    private LakeSnapshot LeaveOutUnreadable(LakeSnapshot snapshot)
    {
        var (readable, warnings) = _unreadable.LeaveOut(snapshot);
        _snapshots[snapshot.Dataset] = readable;
        if (warnings.Length > 0) _warnings[snapshot.Dataset] = warnings;
        else _warnings.Remove(snapshot.Dataset);
        return readable;
    }

    /// <summary>Why DuckDB cannot read <paramref name="file"/>'s footer and schema, or null when it can.</summary>
    private string? UnreadableReason(string file)
    {
        try
        {
            if (ParquetEnvelope.Problem(file) is { } problem) return problem;
            Connection.ExecuteNonQuery($"DESCRIBE {ReadParquet(SqlText.FileList([file]))}");
            return null;
        }
        catch (DbException error)
        {
            return error.Message.Split('\n')[0];
        }
        catch (IOException)
        {
            return null; // gone since the listing: not damaged, just replaced (see Run)
        }
    }

    /// <summary>
    /// Quarantine views glob their folders: quarantine files are only ever added (under content names),
    /// never replaced or removed, so a glob over them cannot race a writer.
    /// </summary>
    private void SyncQuarantine(bool force)
    {
        var root = Path.Combine(Layout.Root, LakeLayout.QuarantineFolder);
        var datasets = Directory.Exists(root)
            ? Directory.EnumerateDirectories(root).Select(Path.GetFileName).OfType<string>()
                .Where(d => DatasetColumn.IdentifierPattern().IsMatch(d) && LakeLayout.AnyParquet(Layout.QuarantineDatasetDirectory(d)))
                .Order(StringComparer.Ordinal).ToArray()
            : [];
        if (!force && datasets.SequenceEqual(_quarantined)) return;
        _quarantined = datasets;
        Connection.ExecuteNonQuery($"DROP SCHEMA IF EXISTS {QuarantineSchema} CASCADE");
        if (datasets.Length == 0) return;
        Connection.ExecuteNonQuery($"CREATE SCHEMA {QuarantineSchema}");
        foreach (var dataset in datasets)
        {
            Connection.ExecuteNonQuery(
                $"CREATE VIEW {QuarantineSchema}.{SqlText.Identifier(dataset)} AS {ReadParquet(SqlText.Literal(Layout.QuarantineGlob(dataset)))}");
        }
    }

    private LakeInfo Describe(LakeSnapshot snapshot)
    {
        var dataset = snapshot.Dataset;
        var quarantined = LakeLayout.AnyParquet(Layout.QuarantineDatasetDirectory(dataset))
            ? Connection.ExecuteScalar<long>(
                $"SELECT CAST(coalesce(sum(num_rows), 0) AS BIGINT) FROM parquet_file_metadata({SqlText.Literal(Layout.QuarantineGlob(dataset))})")
            : 0;
        var files = snapshot.Files.ToArray();
        var (rows, bytes) = (0L, 0L);
        if (files.Length > 0)
        {
            using var reader = Connection.ExecuteReader(
                $"SELECT CAST(sum(num_rows) AS BIGINT), CAST(sum(file_size_bytes) AS BIGINT) FROM parquet_file_metadata({SqlText.FileList(files)})");
            reader.Read();
            (rows, bytes) = (reader.GetInt64(0), reader.GetInt64(1));
        }
        return new LakeInfo(
            dataset,
            Registry.Contains(dataset),
            snapshot.Partitions.Count,
            files.Length,
            rows,
            bytes,
            snapshot.Partitions.Count > 0 ? snapshot.Partitions[0].Date : null,
            snapshot.Partitions.Count > 0 ? snapshot.Partitions[^1].Date : null,
            quarantined);
    }

    /// <summary>
    /// True for DuckDB's errors about a lake file that no longer exists — a snapshot older than the
    /// writers' grace period — and only for paths inside this lake, so a user's own missing file fails at once.
    /// </summary>
    private bool IsVanishedLakeFile(DbException error) =>
        error.Message.Contains(Layout.Root, StringComparison.Ordinal)
        && (error.Message.Contains("No such file or directory", StringComparison.Ordinal)
            || error.Message.Contains("No files found", StringComparison.Ordinal)
            || error.Message.Contains("cannot find the", StringComparison.OrdinalIgnoreCase));

    private static string ReadParquet(string files) =>
        $"SELECT * FROM read_parquet({files}, hive_partitioning = true, union_by_name = true, hive_types = {{'{LakeLayout.PartitionColumn}': DATE}})";

    /// <summary>
    /// A view of a lake that is not there: the declared columns, but reading any row fails with
    /// <see cref="LakeNotFoundException"/>'s message, so a query on a wrong path never answers zero rows.
    /// </summary>
    private string MissingLakeSelect(DatasetSchema schema)
    {
        var fail = $"error({SqlText.Literal(LakeNotFoundException.MessageFor(Layout.Root))})";
        return $"SELECT {SqlText.TypedColumns(schema, fail)}, CAST({fail} AS DATE) AS {SqlText.Identifier(LakeLayout.PartitionColumn)} FROM range(1) WHERE {fail} IS NULL";
    }

    private static string EmptySelect(DatasetSchema schema) =>
        $"SELECT {SqlText.TypedColumns(schema, "NULL")}, CAST(NULL AS DATE) AS {SqlText.Identifier(LakeLayout.PartitionColumn)} WHERE false";
}
