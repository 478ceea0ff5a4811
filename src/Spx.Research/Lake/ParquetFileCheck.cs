using System.Data.Common;
using DuckDB.NET.Data;

namespace Spx.Research.Lake;

/// <summary>
/// Whether one lake file reads in full: the Parquet envelope, the footer's row count, and every page of every
/// column decoded through DuckDB. <see cref="LakeCheck"/> reports this verdict and <see cref="LakeRepair"/> asks
/// for it again before moving a file, so a file leaves the lake only for what its own bytes show.
/// </summary>
internal static class ParquetFileCheck
{
    /// <summary>
    /// Why <paramref name="file"/> cannot be read, in one line; null when it reads in full, or when it is gone
    /// (retired by a writer since it was listed: nothing of it is visible any more).
    /// </summary>
    public static string? Unreadable(DuckDBConnection connection, string file)
    {
        string? envelope;
        try
        {
            envelope = ParquetEnvelope.Problem(file);
        }
        catch (IOException)
        {
            return null;
        }
        if (envelope is not null) return envelope;
        var literal = SqlText.Literal(file);
        try
        {
            var declared = connection.ExecuteScalar<long>($"SELECT CAST(coalesce(sum(num_rows), 0) AS BIGINT) FROM parquet_file_metadata({literal})");
            // hash() of every column makes DuckDB decode every page; count(*) alone is answered from the footer.
            var read = connection.ExecuteScalar<long>(
                $"SELECT CAST(count(*) AS BIGINT), max(hash(COLUMNS(*))) FROM read_parquet({literal}, hive_partitioning = false)");
            return read == declared ? null : $"the footer declares {declared} rows but a full read gave {read}";
        }
        catch (DbException error)
        {
            return File.Exists(file) ? error.Message.Split('\n')[0].Trim() : null;
        }
    }
}
