namespace Spx.Research.Lake;

/// <summary>What a write did to one partition.</summary>
/// <param name="Dataset">Dataset written.</param>
/// <param name="Date">Partition date.</param>
/// <param name="RowsWritten">Rows in the file this write produced (0 when nothing new was written).</param>
/// <param name="DuplicateRows">Rows dropped because their key repeated within the input or already existed in the partition.</param>
/// <param name="QuarantinedRows">Rows moved to the quarantine (only with <see cref="InvalidRows.Quarantine"/>).</param>
/// <param name="Changed">False when the partition already held exactly this content, so nothing was published.</param>
/// <param name="Files">The partition's Parquet files after the write, as readers see them.</param>
public sealed record LakeWriteResult(
    string Dataset,
    DateOnly Date,
    long RowsWritten,
    long DuplicateRows,
    long QuarantinedRows,
    bool Changed,
    IReadOnlyList<string> Files);
