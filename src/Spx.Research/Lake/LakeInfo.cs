namespace Spx.Research.Lake;

/// <summary>What one dataset holds on disk, from Parquet footers (no data is scanned): what <c>spx lake info</c> prints.</summary>
/// <param name="Dataset">Dataset name.</param>
/// <param name="Registered">Whether the registry declares it (false: a folder found on disk).</param>
/// <param name="Partitions">Number of <c>date=…</c> partitions with at least one file.</param>
/// <param name="Files">Number of Parquet files.</param>
/// <param name="Rows">Rows over all files.</param>
/// <param name="Bytes">Bytes over all files.</param>
/// <param name="FirstDate">Earliest partition date, null when empty.</param>
/// <param name="LastDate">Latest partition date, null when empty.</param>
/// <param name="QuarantinedRows">Rows in the dataset's quarantine.</param>
public sealed record LakeInfo(
    string Dataset,
    bool Registered,
    int Partitions,
    int Files,
    long Rows,
    long Bytes,
    DateOnly? FirstDate,
    DateOnly? LastDate,
    long QuarantinedRows);
