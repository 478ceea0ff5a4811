namespace Spx.Research.Lake;

/// <summary>
/// Verifies a whole lake, file by file: the Parquet envelope (magic bytes, footer), the metadata, a full
/// read of every column of every row group through DuckDB, and the columns against the dataset's declared
/// schema; then looks for sessions a <see cref="DatasetGroup"/> holds only in part. Reads only: nothing is
/// changed (see <see cref="LakeRepair"/>).
/// </summary>
/// <remarks>
/// A <see cref="LakeSession"/> only notices a file whose footer it cannot read; damage inside the data
/// pages shows only when they are decoded, which is what this check does for every file — so it costs a
/// full scan of the lake.
/// </remarks>
/// <param name="session">Supplies the lake, the declared schemas and the DuckDB connection the files are read with.</param>
/// <param name="groups">Datasets written together per session.</param>
public sealed class LakeCheck(LakeSession session, IReadOnlyList<DatasetGroup> groups)
{
    private readonly Dictionary<string, string> _canonicalTypes = new(StringComparer.Ordinal);

    /// <summary>Checks every file of every dataset on disk.</summary>
    /// <exception cref="LakeNotFoundException">The lake path holds no lake.</exception>
    public LakeCheckReport Run()
    {
        var layout = session.Layout;
        if (!Directory.Exists(layout.Root)) throw new LakeNotFoundException(layout.Root);
        var problems = new List<LakeProblem>();
        var snapshots = layout.DatasetsOnDisk().Select(d => LakeSnapshot.Take(layout, d)).Where(s => s.Partitions.Count > 0).ToArray();
        foreach (var snapshot in snapshots)
        {
            session.Registry.TryGet(snapshot.Dataset, out var schema);
            foreach (var (date, files) in snapshot.Partitions)
            {
                foreach (var file in files)
                {
                    if (CheckFile(file, schema) is { } problem) problems.Add(problem with { Date = date, Dataset = snapshot.Dataset });
                }
            }
        }
        problems.AddRange(IncompleteSessions(snapshots));
        return new LakeCheckReport(snapshots.Length, snapshots.Sum(s => s.Partitions.Count), snapshots.Sum(s => s.Files.Count()), problems);
    }

    /// <summary>The file's problem (date and dataset filled in by the caller), or null.</summary>
    private LakeProblem? CheckFile(string file, DatasetSchema? schema)
    {
        if (ParquetFileCheck.Unreadable(session.Connection, file) is { } unreadable) return new LakeProblem(LakeProblemKind.Unreadable, default, null, file, unreadable);
        return schema is not null && SchemaDifferences(file, schema) is { } differences
            ? new LakeProblem(LakeProblemKind.SchemaMismatch, default, null, file, differences)
            : null;
    }

    /// <summary>
    /// How the file's columns differ from the declaration, or null. A missing nullable column is fine: files
    /// written before it was added read it as NULL.
    /// </summary>
    private string? SchemaDifferences(string file, DatasetSchema schema)
    {
        var listing = session.Connection.ExecuteScalar<string>(
            "SELECT string_agg(column_name || ' ' || column_type, chr(10) ORDER BY column_name) " +
            $"FROM (DESCRIBE SELECT * FROM read_parquet({SqlText.Literal(file)}, hive_partitioning = false))") ?? "";
        var found = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
        var differences = new List<string>();
        foreach (var column in schema.Columns)
        {
            if (!found.TryGetValue(column.Name, out var type))
            {
                if (!column.Nullable) differences.Add($"{column.Name} is missing");
            }
            else if (type != CanonicalType(column.Type))
            {
                differences.Add($"{column.Name} is {type}, declared {column.Type}");
            }
        }
        differences.AddRange(found.Keys.Where(name => schema.Find(name) is null).Select(name => $"{name} is not declared"));
        return differences.Count == 0 ? null : $"columns differ from {schema.Name}'s schema: {string.Join("; ", differences)}";
    }

    /// <summary>DuckDB's spelling of a declared type (TIMESTAMPTZ → TIMESTAMP WITH TIME ZONE), as DESCRIBE prints it.</summary>
    private string CanonicalType(string declared)
    {
        if (!_canonicalTypes.TryGetValue(declared, out var canonical))
        {
            canonical = session.Connection.ExecuteScalar<string>($"SELECT typeof(CAST(NULL AS {declared}))")!;
            _canonicalTypes[declared] = canonical;
        }
        return canonical;
    }

    /// <summary>Per group: the dates some of its datasets in use hold and others lack.</summary>
    private IEnumerable<LakeProblem> IncompleteSessions(IReadOnlyList<LakeSnapshot> snapshots)
    {
        foreach (var group in groups)
        {
            // A dataset the group never wrote in this lake (e.g. a profile without second bars) is not "missing".
            var dates = snapshots.Where(s => group.Datasets.Contains(s.Dataset))
                .ToDictionary(s => s.Dataset, s => s.Partitions.Select(p => p.Date).ToHashSet());
            foreach (var date in dates.Values.SelectMany(d => d).Distinct().Order())
            {
                var missing = dates.Where(d => !d.Value.Contains(date)).Select(d => d.Key).Order(StringComparer.Ordinal).ToArray();
                if (missing.Length == 0) continue;
                yield return new LakeProblem(LakeProblemKind.IncompleteSession, date, null, null,
                    $"session incomplete: missing from {string.Join(", ", missing)} but present in the {dates.Count - missing.Length} other dataset(s) " +
                    $"{group.Writer} writes with it; re-run {group.Writer} over {date:yyyy-MM-dd} to complete it");
            }
        }
    }
}
