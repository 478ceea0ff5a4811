using System.Diagnostics;
using DuckDB.NET.Data;
using Spx.Research.Configuration;
using Spx.Research.Ingest.Quality;
using Spx.Research.Lake;
using Spx.Research.Market;

namespace Spx.Research.Ingest.Import;

/// <summary>
/// Imports a user's CSV or Parquet file into one dataset (<c>spx ingest import</c>): DuckDB reads it, the
/// <see cref="ImportPlan"/> maps its columns, each partition is appended atomically by the
/// <see cref="LakeWriter"/> with its validation (types, NULLs, session date, and the bar rules when the writer has
/// <see cref="BarChecks"/>), quarantine and de-duplication on the dataset key. Rows are never dropped silently:
/// each is stored, a duplicate, or quarantined with a reason — including CSV lines that do not parse and rows
/// whose timestamp cannot say which partition they belong to.
/// </summary>
public sealed class FileImporter
{
    private readonly LakeWriter _writer;
    private readonly LakeQuarantine _quarantine;
    private readonly TimeProvider _time;
    private int _tables;

    /// <param name="writer">The lake writer (pass <see cref="BarChecks.Apply"/> options for the value rules).</param>
    public FileImporter(LakeWriter writer, TimeProvider? time = null)
    {
        _writer = writer;
        _quarantine = new LakeQuarantine(writer.Layout);
        _time = time ?? TimeProvider.System;
    }

    private DuckDBConnection Connection => _writer.Connection;

    /// <summary>Imports <paramref name="file"/> into <paramref name="schema"/>'s dataset.</summary>
    /// <param name="date">Partition for datasets without a timestamp column (option contracts); ignored otherwise.</param>
    /// <exception cref="ImportFileException">The file cannot be read; nothing of it was imported.</exception>
    /// <exception cref="ImportMappingException">The mapping names a column that is not there.</exception>
    public ImportResult Import(string file, DatasetSchema schema, ImportMappingSettings mapping, DateOnly? date = null, SourceMetrics? metrics = null)
    {
        var raw = NewTable("raw");
        var staged = NewTable("staged");
        var copy = PipeFiles.CopyIfPipe(file);
        try
        {
            var rejected = Read(file, copy ?? file, raw);
            var plan = ImportPlan.Of(file, Columns(raw), schema, mapping);
            var partition = PartitionExpression(file, schema, plan, date);
            Connection.ExecuteNonQuery(
                $"CREATE TABLE {staged} AS SELECT {string.Join(", ", plan.Columns.Select(c => $"{c.Expression} AS {SqlText.Identifier(c.Column.Name)}"))}, " +
                $"{partition.Date} AS _partition, {partition.Problem} AS _problem, rowid AS _row FROM {raw}");
            var rows = Connection.ExecuteScalar<long>($"SELECT count(*) FROM {staged}");
            var quarantineFiles = new List<string>();
            var today = NewYorkTime.LocalDate(_time.GetUtcNow());
            var quarantined = Quarantine(rejected, quarantineFiles, schema.Name, today);
            quarantined += QuarantineUnplaced(raw, staged, quarantineFiles, schema.Name, today);

            var stored = 0L;
            var duplicates = 0L;
            var dates = Dates(staged);
            foreach (var day in dates)
            {
                var columns = SqlText.Identifiers(plan.Columns.Select(c => c.Column.Name));
                var clock = Stopwatch.StartNew();
                var result = _writer.AppendToPartition(schema.Name, day,
                    LakeSource.FromSql($"SELECT {columns} FROM {staged} WHERE _partition = {SqlText.Date(day)} ORDER BY _row"), InvalidRows.Quarantine);
                metrics?.Commit(clock.Elapsed, result.NewRows);
                metrics?.Request(failed: false);
                stored += result.NewRows;
                duplicates += result.DuplicateRows;
                quarantined += result.QuarantinedRows;
                if (result.QuarantineFile is { } q) quarantineFiles.Add(q);
            }
            return new ImportResult(file, rows + rejected.Count, stored, quarantined, duplicates, dates, Reasons(quarantineFiles), plan.Ignored);
        }
        finally
        {
            if (copy is not null) File.Delete(copy);
            Connection.ExecuteNonQuery($"DROP TABLE IF EXISTS {staged}");
            Connection.ExecuteNonQuery($"DROP TABLE IF EXISTS {raw}");
        }
    }

    /// <summary>
    /// Loads the file into <paramref name="table"/>; CSV lines that do not parse are returned (line text, reason), not lost.
    /// DuckDB records one reject per missing column of a line; the first names the line.
    /// </summary>
    private IReadOnlyList<(string Line, string Reason)> Read(string file, string source, string table)
    {
        var path = SqlText.Literal(Path.GetFullPath(source));
        var name = file.ToLowerInvariant();
        try
        {
            if (name.EndsWith(".parquet", StringComparison.Ordinal))
            {
                Connection.ExecuteNonQuery($"CREATE TABLE {table} AS SELECT * FROM read_parquet({path})");
                return [];
            }
            if (!(name.EndsWith(".csv", StringComparison.Ordinal) || name.EndsWith(".csv.gz", StringComparison.Ordinal) || name.EndsWith(".tsv", StringComparison.Ordinal)))
                throw new ImportFileException($"{file}: unknown file type: expected .csv, .csv.gz, .tsv or .parquet");
            var rejects = NewTable("rejects");
            var scans = NewTable("scans");
            Connection.ExecuteNonQuery(
                $"CREATE TABLE {table} AS SELECT * FROM read_csv({path}, header = true, all_varchar = true, store_rejects = true, " +
                $"rejects_table = {SqlText.Literal(rejects)}, rejects_scan = {SqlText.Literal(scans)})");
            var lines = new List<(string, string)>();
            using (var reader = Connection.ExecuteReader($"SELECT coalesce(any_value(csv_line), ''), 'line ' || line || ': ' || arg_min(error_message, column_idx) FROM {rejects} GROUP BY line ORDER BY line"))
            {
                while (reader.Read()) lines.Add((reader.GetString(0), reader.GetString(1)));
            }
            Connection.ExecuteNonQuery($"DROP TABLE IF EXISTS {rejects}");
            Connection.ExecuteNonQuery($"DROP TABLE IF EXISTS {scans}");
            return lines;
        }
        catch (DuckDBException e)
        {
            var kind = name.EndsWith(".parquet", StringComparison.Ordinal) ? "Parquet" : "CSV";
            throw new ImportFileException($"{file}: not a readable {kind} file ({e.Message.Split('\n')[0].Trim()}); nothing imported from it", e);
        }
    }

    private List<(string Name, string Type)> Columns(string table)
    {
        var columns = new List<(string, string)>();
        using var reader = Connection.ExecuteReader($"SELECT column_name, column_type FROM (DESCRIBE {table})");
        while (reader.Read()) columns.Add((reader.GetString(0), reader.GetString(1)));
        return columns;
    }

    /// <summary>SQL for each row's partition date, and for why a row has none.</summary>
    private static (string Date, string Problem) PartitionExpression(string file, DatasetSchema schema, ImportPlan plan, DateOnly? date)
    {
        if (schema.SessionDateColumn is not { } name)
        {
            return date is { } given ? (SqlText.Date(given), "NULL::VARCHAR")
                : throw new ImportMappingException($"dataset {schema.Name} has no timestamp to partition by: pass --date", "date");
        }
        var (column, source, expression) = plan.Columns.First(c => c.Column.Name == name);
        if (source is null)
            throw new ImportFileException($"{file} has no column for {schema.Name}.{name}, so rows have no partition date (map one of its columns to {name}); nothing imported from it");
        var instant = DatasetSchema.SessionDateKindOf(column) == true;
        var day = instant ? $"CAST(timezone('America/New_York', {expression}) AS DATE)" : $"TRY_CAST({expression} AS DATE)";
        var original = SqlText.Identifier(source);
        var problem = $"CASE WHEN {original} IS NULL THEN {SqlText.Literal(name + " is missing, so the row has no partition date")} " +
                      $"WHEN ({day}) IS NULL THEN {SqlText.Literal(name + ": '")} || CAST({original} AS VARCHAR) || {SqlText.Literal($"' is not a {(instant ? "timestamp" : "date")}")} END";
        return (day, problem);
    }

    private long Quarantine(IReadOnlyList<(string Line, string Reason)> rejected, List<string> files, string dataset, DateOnly today)
    {
        if (rejected.Count == 0) return 0;
        var values = string.Join(", ", rejected.Select(r => $"({SqlText.Literal(r.Line)}, {SqlText.Literal(r.Reason)})"));
        if (_quarantine.Write(Connection, dataset, today, $"SELECT * FROM (VALUES {values}) AS r(line, reason)") is { } written) files.Add(written);
        return rejected.Count;
    }

    /// <summary>Rows whose timestamp is missing or unreadable, quarantined under today's date as the file had them.</summary>
    private long QuarantineUnplaced(string raw, string staged, List<string> files, string dataset, DateOnly today)
    {
        var count = Connection.ExecuteScalar<long>($"SELECT count(*) FROM {staged} WHERE _partition IS NULL");
        if (count == 0) return 0;
        var query = $"SELECT r.*, s._problem AS reason FROM {raw} AS r JOIN {staged} AS s ON r.rowid = s._row WHERE s._partition IS NULL ORDER BY s._row";
        if (_quarantine.Write(Connection, dataset, today, query) is { } written) files.Add(written);
        return count;
    }

    private List<DateOnly> Dates(string staged)
    {
        var dates = new List<DateOnly>();
        using var reader = Connection.ExecuteReader($"SELECT DISTINCT _partition FROM {staged} WHERE _partition IS NOT NULL ORDER BY 1");
        while (reader.Read()) dates.Add(DateOnly.FromDateTime(reader.GetDateTime(0)));
        return dates;
    }

    private List<(string, long)> Reasons(List<string> files)
    {
        var reasons = new List<(string, long)>();
        if (files.Count == 0) return reasons;
        using var reader = Connection.ExecuteReader(
            $"SELECT reason, count(*) FROM read_parquet({SqlText.FileList(files)}, union_by_name = true) GROUP BY reason ORDER BY count(*) DESC, reason");
        while (reader.Read()) reasons.Add((reader.GetString(0), reader.GetInt64(1)));
        return reasons;
    }

    private string NewTable(string purpose) => $"_import_{purpose}_{++_tables}";
}
