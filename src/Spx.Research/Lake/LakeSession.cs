using System.Data.Common;
using Spx.Research.DuckDb;

namespace Spx.Research.Lake;

/// <summary>
/// Read access to the lake: a private in-memory DuckDB connection with one view per dataset over its
/// Parquet files (<c>SELECT * FROM stock_bars_1m WHERE date = …</c>), plus <c>quarantine.&lt;dataset&gt;</c>
/// views over rejected records. No database file is opened, so no lock is ever held: any number of
/// notebooks, CLI runs and dashboards read while writers write.
/// </summary>
/// <remarks>
/// <para>A view reads <c>LAKE/&lt;dataset&gt;/*/*.parquet</c> with Hive partitioning (<c>date</c> comes back as
/// <c>DATE</c>) and <c>union_by_name</c> (files written before a column was added read it as NULL).
/// A registered dataset with no files yet gets an empty view with the declared columns, so queries over
/// it return no rows instead of failing; call <see cref="Refresh"/> to pick up datasets written since.</para>
/// <para>Writers swap whole partitions atomically (see <see cref="LakeWriter"/>); a query that listed a
/// file a writer has just replaced fails with "No such file or directory". The query methods here
/// (<see cref="Run{T}"/> and friends) retry such queries; raw use of <see cref="Connection"/> does not.</para>
/// <para>Like its connection, a session is not thread-safe: open one per thread (it is cheap).</para>
/// </remarks>
public sealed class LakeSession : IDisposable
{
    private const int MaxAttempts = 12;
    private readonly List<string> _views = [];

    /// <summary>Opens a session over the lake at <paramref name="layout"/>; creates nothing on disk.</summary>
    public LakeSession(LakeLayout layout, DatasetRegistry registry)
    {
        Layout = layout;
        Registry = registry;
        Connection = new DuckDbConnection("Data Source=:memory:");
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
    public DuckDbConnection Connection { get; }

    /// <summary>Dataset view names: registered datasets first (registry order), then other datasets found on disk.</summary>
    public IReadOnlyList<string> Views => _views;

    /// <summary>Number of query attempts repeated because a writer replaced files mid-query (diagnostics).</summary>
    public int Retries { get; private set; }

    /// <summary>(Re)creates the views from what is on disk now.</summary>
    public void Refresh()
    {
        var names = new List<string>();
        foreach (var schema in Registry.Datasets)
        {
            var sql = LakeLayout.AnyParquet(Layout.DatasetDirectory(schema.Name)) ? ReadParquet(Layout.DatasetGlob(schema.Name)) : EmptySelect(schema);
            Connection.ExecuteNonQuery($"CREATE OR REPLACE VIEW {SqlText.Identifier(schema.Name)} AS {sql}");
            names.Add(schema.Name);
        }
        foreach (var dataset in Layout.DatasetsOnDisk())
        {
            if (Registry.Contains(dataset) || !LakeLayout.AnyParquet(Layout.DatasetDirectory(dataset))) continue;
            Connection.ExecuteNonQuery($"CREATE OR REPLACE VIEW {SqlText.Identifier(dataset)} AS {ReadParquet(Layout.DatasetGlob(dataset))}");
            names.Add(dataset);
        }
        foreach (var stale in _views.Except(names)) Connection.ExecuteNonQuery($"DROP VIEW IF EXISTS {SqlText.Identifier(stale)}");
        _views.Clear();
        _views.AddRange(names);

        Connection.ExecuteNonQuery("DROP SCHEMA IF EXISTS quarantine CASCADE");
        var quarantined = Directory.Exists(Path.Combine(Layout.Root, LakeLayout.QuarantineFolder))
            ? Directory.EnumerateDirectories(Path.Combine(Layout.Root, LakeLayout.QuarantineFolder))
                .Select(Path.GetFileName).OfType<string>()
                .Where(d => DatasetColumn.IdentifierPattern().IsMatch(d) && LakeLayout.AnyParquet(Layout.QuarantineDatasetDirectory(d)))
                .ToArray()
            : [];
        if (quarantined.Length == 0) return;
        Connection.ExecuteNonQuery("CREATE SCHEMA quarantine");
        foreach (var dataset in quarantined)
        {
            Connection.ExecuteNonQuery(
                $"CREATE VIEW quarantine.{SqlText.Identifier(dataset)} AS {ReadParquet(Layout.QuarantineGlob(dataset))}");
        }
    }

    /// <summary>
    /// Runs <paramref name="query"/> on the connection, repeating it (after a short pause) when it failed
    /// because a writer swapped lake files under it. The delegate may run more than once: build the
    /// result inside it and have no other side effects.
    /// </summary>
    public T Run<T>(Func<DuckDbConnection, T> query)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return query(Connection);
            }
            catch (DbException error) when (attempt < MaxAttempts && IsVanishedLakeFile(error))
            {
                Retries++;
                // "No files found" means a whole dataset disappeared: its view must become the empty one.
                if (error.Message.Contains("No files found", StringComparison.Ordinal)) Refresh();
                Thread.Sleep(Math.Min(2 * attempt * attempt, 100));
            }
        }
    }

    /// <summary>Runs <paramref name="sql"/> and hands the reader to <paramref name="read"/> (retried as <see cref="Run{T}"/>).</summary>
    public T Query<T>(string sql, Func<DuckDbDataReader, T> read) => Run(connection =>
    {
        using var reader = connection.ExecuteReader(sql);
        return read(reader);
    });

    /// <summary>The first value of <paramref name="sql"/> (retried as <see cref="Run{T}"/>).</summary>
    public T? Scalar<T>(string sql) => Run(connection => connection.ExecuteScalar<T>(sql));

    /// <summary>The whole result of <paramref name="sql"/>, column-wise (retried as <see cref="Run{T}"/>).</summary>
    public DuckDbColumnarResult Columnar(string sql) => Run(connection => connection.ExecuteColumnar(sql));

    /// <summary>Partitions, files, rows, bytes and date range of every dataset in <see cref="Views"/>, from Parquet footers.</summary>
    public IReadOnlyList<LakeInfo> Info() => Views.Select(dataset => Run(_ => Describe(dataset))).ToArray();

    /// <summary>Closes the connection.</summary>
    public void Dispose() => Connection.Dispose();

    private LakeInfo Describe(string dataset)
    {
        var registered = Registry.Contains(dataset);
        var quarantined = LakeLayout.AnyParquet(Layout.QuarantineDatasetDirectory(dataset))
            ? Connection.ExecuteScalar<long>(
                $"SELECT CAST(coalesce(sum(num_rows), 0) AS BIGINT) FROM parquet_file_metadata({SqlText.Literal(Layout.QuarantineGlob(dataset))})")
            : 0;
        if (!LakeLayout.AnyParquet(Layout.DatasetDirectory(dataset)))
            return new LakeInfo(dataset, registered, 0, 0, 0, 0, null, null, quarantined);

        using var reader = Connection.ExecuteReader(
            "SELECT CAST(count(DISTINCT day) AS INTEGER), CAST(count(*) AS INTEGER), CAST(coalesce(sum(num_rows), 0) AS BIGINT), " +
            "CAST(coalesce(sum(file_size_bytes), 0) AS BIGINT), min(day), max(day) FROM (" +
            "SELECT num_rows, file_size_bytes, TRY_CAST(regexp_extract(file_name, 'date=([0-9]{4}-[0-9]{2}-[0-9]{2})', 1) AS DATE) AS day " +
            $"FROM parquet_file_metadata({SqlText.Literal(Layout.DatasetGlob(dataset))}))");
        reader.Read();
        return new LakeInfo(
            dataset,
            registered,
            reader.GetInt32(0),
            reader.GetInt32(1),
            reader.GetInt64(2),
            reader.GetInt64(3),
            reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4),
            reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5),
            quarantined);
    }

    /// <summary>
    /// True for DuckDB's errors about a lake file or glob that no longer resolves — the footprint of a
    /// concurrent partition swap — and only for paths inside this lake, so a user's own missing file
    /// fails at once.
    /// </summary>
    private bool IsVanishedLakeFile(DbException error) =>
        error.Message.Contains(Layout.Root, StringComparison.Ordinal)
        && (error.Message.Contains("No such file or directory", StringComparison.Ordinal)
            || error.Message.Contains("No files found", StringComparison.Ordinal)
            || error.Message.Contains("cannot find the", StringComparison.OrdinalIgnoreCase));

    private static string ReadParquet(string glob) =>
        $"SELECT * FROM read_parquet({SqlText.Literal(glob)}, hive_partitioning = true, union_by_name = true, hive_types = {{'{LakeLayout.PartitionColumn}': DATE}})";

    private static string EmptySelect(DatasetSchema schema) =>
        "SELECT " + string.Join(", ", schema.Columns.Select(c => $"CAST(NULL AS {c.Type}) AS {SqlText.Identifier(c.Name)}"))
        + $", CAST(NULL AS DATE) AS {SqlText.Identifier(LakeLayout.PartitionColumn)} WHERE false";
}
