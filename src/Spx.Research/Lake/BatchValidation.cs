using DuckDB.NET.Data;
using Spx.Research.Market;

namespace Spx.Research.Lake;

/// <summary>
/// Checks a staged batch against its dataset schema, in SQL so the work stays inside DuckDB. Column-level
/// problems (missing, unexpected or uncastable columns) throw at once; row-level problems become
/// <see cref="RowRule"/>s that the writer either rejects or quarantines.
/// </summary>
internal static class BatchValidation
{
    private const string NewYork = "America/New_York";

    /// <summary>The typed expression for each declared column and the row rules, for a staging table.</summary>
    /// <param name="fillMissingNullable">Compaction: files written before a nullable column was added lack it; read it as NULL.</param>
    public static (IReadOnlyList<(DatasetColumn Column, string Expression)> Projection, IReadOnlyList<RowRule> Rules) Plan(
        DuckDBConnection connection, DatasetSchema schema, DateOnly date, string stage, Func<DatasetColumn, string> canonicalType, bool fillMissingNullable,
        IRowChecks? checks = null)
    {
        var staged = StagedColumns(connection, stage);
        var problems = new List<(string Column, string Text)>();

        foreach (var (name, type) in staged)
        {
            if (schema.Find(name.ToLowerInvariant()) is not null) continue;
            problems.Add(name.Equals(LakeLayout.PartitionColumn, StringComparison.OrdinalIgnoreCase)
                ? (name, $"the input has a column '{name}', but '{LakeLayout.PartitionColumn}' is the partition folder; pass the date to the write instead")
                : (name, $"the input has a column '{name}' ({type}) that the schema does not declare"));
        }

        var projection = new List<(DatasetColumn, string)>();
        var rules = new List<RowRule>();
        foreach (var column in schema.Columns)
        {
            var declared = canonicalType(column);
            var source = staged.FirstOrDefault(s => s.Name.Equals(column.Name, StringComparison.OrdinalIgnoreCase));
            if (source.Name is null)
            {
                if (fillMissingNullable && column.Nullable) projection.Add((column, $"CAST(NULL AS {column.Type})"));
                else problems.Add((column.Name, $"column '{column.Name}' ({column.Type}{(column.Nullable ? "" : " NOT NULL")}) is missing from the input"));
                continue;
            }

            var value = SqlText.Identifier(source.Name);
            if (source.Type == declared)
            {
                projection.Add((column, value));
            }
            else
            {
                var cast = CastRule(connection, stage, column, value, source.Type, declared);
                if (cast is null)
                {
                    problems.Add((column.Name, $"column '{column.Name}' has type {source.Type}, which cannot be cast to {declared}"));
                    continue;
                }
                rules.Add(cast);
                projection.Add((column, $"TRY_CAST({value} AS {column.Type})"));
            }

            if (!column.Nullable)
            {
                rules.Add(new RowRule(column.Name, "NULL value(s) in a NOT NULL column", $"{value} IS NULL",
                    SqlText.Literal($"{column.Name} is NULL"), null));
            }
        }

        if (problems.Count > 0)
        {
            throw new LakeSchemaException(schema.Name, problems[0].Column,
                $"Dataset '{schema.Name}', partition {LakeLayout.PartitionName(date)}: {string.Join("; ", problems.Select(p => p.Text))}. Nothing was written.");
        }

        if (schema.SessionDateColumn is { } dateColumn)
        {
            var column = schema.Find(dateColumn)!;
            var typed = projection.First(p => p.Item1 == column).Item2;
            var isInstant = DatasetSchema.SessionDateKindOf(column) == true;
            var localDate = isInstant ? $"CAST(timezone({SqlText.Literal(NewYork)}, {typed}) AS DATE)" : typed;
            // For instants, compare with the day's UTC bounds (New York midnights never fall in a DST gap):
            // plain comparisons, far cheaper than converting every row's time zone.
            var outside = isInstant
                ? $"({typed} < {SqlText.Instant(NewYorkTime.ToUtc(date, TimeOnly.MinValue))} OR {typed} >= {SqlText.Instant(NewYorkTime.ToUtc(date.AddDays(1), TimeOnly.MinValue))})"
                : $"{typed} <> {SqlText.Date(date)}";
            rules.Add(new RowRule(dateColumn, $"value(s) outside the New York session date {date:yyyy-MM-dd}",
                $"({typed}) IS NOT NULL AND {outside}",
                $"{SqlText.Literal(dateColumn + ": ")} || CAST({typed} AS VARCHAR) || ' is on New York date ' || CAST({localDate} AS VARCHAR) || {SqlText.Literal($", not the partition date {date:yyyy-MM-dd}")}",
                $"CAST({typed} AS VARCHAR)"));
        }

        if (checks is not null)
        {
            var typedColumns = projection.ToDictionary(p => p.Item1.Name, p => p.Item2, StringComparer.Ordinal);
            rules.AddRange(checks.For(schema, date, typedColumns));
        }

        return (projection, rules);
    }

    /// <summary>
    /// The rule for a column whose staged type differs from the declared one: each non-NULL value must
    /// cast and (when the round trip binds) cast back unchanged, so 1.5 → BIGINT or a nanosecond
    /// timestamp → TIMESTAMPTZ fail while INTEGER → BIGINT or TIMESTAMP → TIMESTAMPTZ (UTC) pass.
    /// Text is only required to parse. Null when DuckDB cannot cast the types at all.
    /// </summary>
    private static RowRule? CastRule(DuckDBConnection connection, string stage, DatasetColumn column, string value, string sourceType, string declared)
    {
        var cast = $"TRY_CAST({value} AS {column.Type})";
        var parses = $"{value} IS NOT NULL AND {cast} IS NULL";
        var roundTrip = $"{value} IS NOT NULL AND ({cast} IS NULL OR TRY_CAST({cast} AS {sourceType}) IS DISTINCT FROM {value})";
        var candidates = sourceType == "VARCHAR" ? [parses] : new[] { roundTrip, parses };
        foreach (var predicate in candidates)
        {
            if (!Binds(connection, $"SELECT {predicate} FROM {SqlText.Identifier(stage)} LIMIT 0")) continue;
            return new RowRule(column.Name, $"value(s) of type {sourceType} that do not convert to {declared} without loss",
                predicate,
                $"{SqlText.Literal(column.Name + ": ")} || CAST({value} AS VARCHAR) || {SqlText.Literal($" ({sourceType}) does not convert to {declared} without loss")}",
                $"CAST({value} AS VARCHAR)");
        }
        return null;
    }

    /// <summary>Counts failing rows per rule and in total, in one pass.</summary>
    public static (long Total, long Invalid, long[] PerRule) Count(DuckDBConnection connection, string stage, IReadOnlyList<RowRule> rules)
    {
        var filters = rules.Select(r => $", count(*) FILTER (WHERE {Fails(r)})");
        using var reader = connection.ExecuteReader(
            $"SELECT count(*), count(*) FILTER (WHERE {AnyFails(rules)}){string.Concat(filters)} FROM {SqlText.Identifier(stage)}");
        reader.Read();
        var perRule = rules.Select((_, i) => reader.GetInt64(i + 2)).ToArray();
        return (reader.GetInt64(0), reader.GetInt64(1), perRule);
    }

    /// <summary>SQL that is true when a row fails any rule.</summary>
    public static string AnyFails(IReadOnlyList<RowRule> rules) =>
        rules.Count == 0 ? "false" : string.Join(" OR ", rules.Select(Fails));

    /// <summary>The quarantine <c>reason</c>: every failed rule of the row, separated by "; ".</summary>
    public static string Reason(IReadOnlyList<RowRule> rules) =>
        $"concat_ws('; ', {string.Join(", ", rules.Select(r => $"CASE WHEN {Fails(r)} THEN {r.Reason} END"))})";

    /// <summary>The exception for a batch with invalid rows, naming each failing column with its count and first row.</summary>
    public static LakeSchemaException Rejection(
        DuckDBConnection connection, DatasetSchema schema, DateOnly date, string stage, IReadOnlyList<RowRule> rules, (long Total, long Invalid, long[] PerRule) counts)
    {
        var keyText = string.Join(" || ', ' || ", schema.Key.Select(k =>
            $"{SqlText.Literal(k + "=")} || coalesce(CAST({SqlText.Identifier(k)} AS VARCHAR), 'NULL')"));
        var parts = new List<string>();
        string? firstColumn = null;
        for (var i = 0; i < rules.Count; i++)
        {
            if (counts.PerRule[i] == 0) continue;
            var rule = rules[i];
            firstColumn ??= rule.Column;
            using var reader = connection.ExecuteReader(
                $"SELECT rowid + 1, {keyText}, {rule.Sample ?? "NULL::VARCHAR"} FROM {SqlText.Identifier(stage)} WHERE {Fails(rule)} ORDER BY rowid LIMIT 1");
            reader.Read();
            var sample = reader.IsDBNull(2) ? "" : $", value {reader.GetString(2)}";
            parts.Add($"column '{rule.Column}': {counts.PerRule[i]} {rule.Problem} (first at input row {reader.GetInt64(0)}: {reader.GetString(1)}{sample})");
        }
        return new LakeSchemaException(schema.Name, firstColumn,
            $"Dataset '{schema.Name}', partition {LakeLayout.PartitionName(date)}: {counts.Invalid} of {counts.Total} input rows are invalid; nothing was written. {string.Join("; ", parts)}.");
    }

    /// <summary>True when the staged table has exactly the declared columns: same names, order and (canonical) types.</summary>
    public static bool HasDeclaredColumns(DuckDBConnection connection, DatasetSchema schema, string stage, Func<DatasetColumn, string> canonicalType)
    {
        var staged = StagedColumns(connection, stage);
        return staged.Count == schema.Columns.Count
            && staged.Zip(schema.Columns).All(p => p.First.Name == p.Second.Name && p.First.Type == canonicalType(p.Second));
    }

    private static string Fails(RowRule rule) => $"coalesce({rule.Predicate}, false)";

    private static List<(string Name, string Type)> StagedColumns(DuckDBConnection connection, string table)
    {
        var columns = new List<(string, string)>();
        using var reader = connection.ExecuteReader(
            "SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = current_database() " +
            $"AND schema_name = current_schema() AND table_name = {SqlText.Literal(table)} ORDER BY column_index");
        while (reader.Read()) columns.Add((reader.GetString(0), reader.GetString(1)));
        return columns;
    }

    private static bool Binds(DuckDBConnection connection, string sql)
    {
        try
        {
            connection.ExecuteNonQuery(sql);
            return true;
        }
        catch (DuckDBException)
        {
            return false;
        }
    }
}
