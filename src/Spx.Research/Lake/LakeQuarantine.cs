using DuckDB.NET.Data;

namespace Spx.Research.Lake;

/// <summary>
/// Writes records that failed validation to <c>LAKE/_quarantine/&lt;dataset&gt;/date=…/part-&lt;hash&gt;.parquet</c>
/// with a <c>reason</c> column, so a bulk ingest can keep going without dropping anything: the records
/// can be inspected (<c>quarantine.&lt;dataset&gt;</c> views in a <see cref="LakeSession"/>), fixed and re-ingested.
/// </summary>
/// <remarks>
/// Quarantine is append-only: each call adds one file (temp name, then rename), named by its content,
/// so quarantining the same records twice leaves one file. The columns are whatever the caller had —
/// rejected records need not match the dataset schema.
/// </remarks>
public sealed class LakeQuarantine
{
    /// <summary>A quarantine writer for the lake at <paramref name="layout"/>.</summary>
    public LakeQuarantine(LakeLayout layout) => Layout = layout;

    /// <summary>The lake.</summary>
    public LakeLayout Layout { get; }

    /// <summary>
    /// Quarantines the rows of <paramref name="query"/> (run on <paramref name="connection"/>), which must
    /// have a VARCHAR <c>reason</c> column. Returns the file written, or null when the query had no rows.
    /// </summary>
    public string? Write(DuckDBConnection connection, string dataset, DateOnly date, string query)
    {
        if (!DatasetColumn.IdentifierPattern().IsMatch(dataset))
            throw new ArgumentException($"'{dataset}' is not a dataset name.", nameof(dataset));
        try
        {
            connection.ExecuteNonQuery($"SELECT CAST(reason AS VARCHAR) FROM ({query}) AS q LIMIT 0");
        }
        catch (DuckDBException missing)
        {
            throw new ArgumentException($"Quarantined rows for '{dataset}' need a 'reason' column: {missing.Message}", nameof(query), missing);
        }

        var temp = AtomicFile.TempPath(Layout.QuarantineDirectory(dataset, date));
        try
        {
            var rows = connection.ExecuteNonQuery(
                $"COPY ({query}) TO {SqlText.Literal(temp)} (FORMAT parquet, COMPRESSION zstd)");
            if (rows == 0)
            {
                File.Delete(temp);
                return null;
            }
            return AtomicFile.PublishByContent(temp);
        }
        catch
        {
            AtomicFile.DeleteIfExists(temp);
            throw;
        }
    }

    /// <summary>
    /// Makes <c>&lt;name&gt;.parquet</c> in the partition's quarantine folder hold exactly the rows of <paramref name="query"/>
    /// (temp file, then a rename over the old one); no rows removes it. For work that may be redone: its rejects
    /// are kept once, not once per attempt (<see cref="LakeWriterOptions.QuarantineName"/>).
    /// </summary>
    public string? Replace(DuckDBConnection connection, string dataset, DateOnly date, string query, string name)
    {
        var target = NamedFile(dataset, date, name);
        var temp = AtomicFile.TempPath(Path.GetDirectoryName(target)!);
        try
        {
            if (connection.ExecuteNonQuery($"COPY ({query}) TO {SqlText.Literal(temp)} (FORMAT parquet, COMPRESSION zstd)") == 0)
            {
                File.Delete(temp);
                AtomicFile.DeleteIfExists(target);
                return null;
            }
            using (var stream = new FileStream(temp, FileMode.Open, FileAccess.ReadWrite, FileShare.None)) stream.Flush(flushToDisk: true);
            File.Move(temp, target, overwrite: true);
            return target;
        }
        catch
        {
            AtomicFile.DeleteIfExists(temp);
            throw;
        }
    }

    /// <summary>Removes the named quarantine file of a partition, if any (the redone work had no rejects).</summary>
    public void Remove(string dataset, DateOnly date, string name) => AtomicFile.DeleteIfExists(NamedFile(dataset, date, name));

    private string NamedFile(string dataset, DateOnly date, string name)
    {
        if (!DatasetColumn.IdentifierPattern().IsMatch(dataset))
            throw new ArgumentException($"'{dataset}' is not a dataset name.", nameof(dataset));
        if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) || name.StartsWith('.'))
            throw new ArgumentException($"quarantine file name '{name}': expected letters, digits, '-', '_' or '.', not starting with '.'", nameof(name));
        return Path.Combine(Layout.QuarantineDirectory(dataset, date), name + ".parquet");
    }

    /// <summary>Quarantines the rows of <paramref name="query"/>, all for the same <paramref name="reason"/>.</summary>
    public string? Write(DuckDBConnection connection, string dataset, DateOnly date, string query, string reason) =>
        Write(connection, dataset, date, $"SELECT *, {SqlText.Literal(reason)} AS reason FROM ({query}) AS q");
}
