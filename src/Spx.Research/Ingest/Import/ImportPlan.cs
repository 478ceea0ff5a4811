using Spx.Research.Configuration;
using Spx.Research.Lake;

namespace Spx.Research.Ingest.Import;

/// <summary>
/// Which file column feeds which dataset column, as SQL over the raw table: the mapping's columns first, then file
/// columns already named like a dataset column (any case). Timestamps become instants here, because only the
/// importer knows the file's time zone; every other type is left for the writer's validation, so a value that does
/// not convert is quarantined with its reason rather than failing the file.
/// </summary>
internal sealed record ImportPlan(IReadOnlyList<(DatasetColumn Column, string? Source, string Expression)> Columns, IReadOnlyList<string> Ignored)
{
    private const string OffsetPattern = "(Z|[+-][0-9]{2}(:?[0-9]{2})?)$";

    /// <summary>The plan for a file with <paramref name="fileColumns"/> (name, DuckDB type).</summary>
    /// <exception cref="ImportMappingException">The mapping names a column the file or the dataset lacks.</exception>
    public static ImportPlan Of(string file, IReadOnlyList<(string Name, string Type)> fileColumns, DatasetSchema schema, ImportMappingSettings mapping)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(mapping.Timezone, out _))
            throw new ImportMappingException($"the mapping's timezone '{mapping.Timezone}' is not a time zone name (IANA, e.g. America/New_York)", "timezone");
        var byName = fileColumns.ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (theirs, ours) in mapping.Columns)
        {
            if (!byName.ContainsKey(theirs))
                throw new ImportMappingException($"the mapping names column '{theirs}', which {file} does not have (it has {string.Join(", ", fileColumns.Select(c => c.Name))})", theirs);
            if (schema.Find(ours) is null)
                throw new ImportMappingException($"the mapping maps '{theirs}' to '{ours}', which dataset {schema.Name} does not have (it has {string.Join(", ", schema.Columns.Select(c => c.Name))})", ours);
            sources[ours] = theirs;
        }
        foreach (var column in schema.Columns.Where(c => !sources.ContainsKey(c.Name)))
        {
            var same = fileColumns.FirstOrDefault(f => f.Name.Equals(column.Name, StringComparison.OrdinalIgnoreCase) && !mapping.Columns.ContainsKey(f.Name));
            if (same.Name is not null) sources[column.Name] = same.Name;
        }

        var derived = sources.TryGetValue("ticker", out var ticker) ? OptionTerms.From(SqlText.Identifier(ticker)) : new Dictionary<string, string>();
        var missing = schema.Columns.Where(c => !c.Nullable && !sources.ContainsKey(c.Name) && !derived.ContainsKey(c.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
            throw new ImportFileException($"{file} has no column for {schema.Name}.{string.Join(", ", missing)} (required; map one of its columns with --mapping); nothing imported from it");

        // Contract terms the file lacks come from an OCC option ticker; other optional columns are NULL. Source is null for both.
        var plan = schema.Columns
            .Select(c => sources.TryGetValue(c.Name, out var source)
                ? (c, source, Expression(c, source, byName[source], mapping.Timezone))
                : (c, (string?)null, derived.TryGetValue(c.Name, out var fromTicker) ? fromTicker : $"CAST(NULL AS {c.Type})"))
            .ToList();
        var used = sources.Values.ToHashSet(StringComparer.Ordinal);
        return new ImportPlan(plan, fileColumns.Select(c => c.Name).Where(n => !used.Contains(n)).ToList());
    }

    /// <summary>The SQL for one dataset column from its file column.</summary>
    private static string Expression(DatasetColumn column, string source, string sourceType, string timezone)
    {
        var value = SqlText.Identifier(source);
        if (DatasetSchema.SessionDateKindOf(column) != true) return value;
        var zone = SqlText.Literal(timezone);
        return sourceType switch
        {
            "VARCHAR" => $"CASE WHEN regexp_matches(trim({value}), {SqlText.Literal(OffsetPattern)}) THEN TRY_CAST(trim({value}) AS TIMESTAMPTZ) " +
                         $"ELSE timezone({zone}, TRY_CAST(trim({value}) AS TIMESTAMP)) END",
            "TIMESTAMP" or "TIMESTAMP_NS" or "TIMESTAMP_MS" or "TIMESTAMP_S" => $"timezone({zone}, CAST({value} AS TIMESTAMP))",
            "BIGINT" or "INTEGER" or "HUGEINT" or "UBIGINT" => $"timezone('UTC', epoch_ms(CAST({value} AS BIGINT)))",
            _ => value,
        };
    }
}
