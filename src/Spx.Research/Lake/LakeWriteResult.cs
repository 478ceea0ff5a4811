namespace Spx.Research.Lake;

/// <summary>What a write did to one partition.</summary>
/// <param name="Dataset">Dataset written.</param>
/// <param name="Date">Partition date.</param>
/// <param name="Rows">Rows in the partition after the write.</param>
/// <param name="NewRows">Input rows the write stored: all valid, de-duplicated rows for a replace; rows with a new key for an append; 0 for a compaction.</param>
/// <param name="DuplicateRows">Rows dropped because their key repeated within the input or was already stored.</param>
/// <param name="QuarantinedRows">Input rows moved to the quarantine (only with <see cref="InvalidRows.Quarantine"/>).</param>
/// <param name="Changed">False when the partition already held exactly this content, so nothing was published.</param>
/// <param name="Files">The partition's Parquet files after the write, as glob readers address them (<c>date=…/part-&lt;hash&gt;.parquet</c>).</param>
public sealed record LakeWriteResult(
    string Dataset,
    DateOnly Date,
    long Rows,
    long NewRows,
    long DuplicateRows,
    long QuarantinedRows,
    bool Changed,
    IReadOnlyList<string> Files)
{
    /// <summary>The quarantine file this write added (rows with a <c>reason</c> column), or null when none was needed.</summary>
    public string? QuarantineFile { get; init; }
}
