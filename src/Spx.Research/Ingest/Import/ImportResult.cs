namespace Spx.Research.Ingest.Import;

/// <summary>What importing one file did.</summary>
/// <param name="File">The file as given.</param>
/// <param name="Rows">Rows read from the file.</param>
/// <param name="Stored">Rows added to the lake.</param>
/// <param name="Quarantined">Rows moved to <c>LAKE/_quarantine/&lt;dataset&gt;</c>, with reasons.</param>
/// <param name="Duplicates">Rows whose key repeated in the file or was already stored.</param>
/// <param name="Partitions">Partition dates written to.</param>
/// <param name="Reasons">Quarantine reasons with their counts, most frequent first.</param>
/// <param name="IgnoredColumns">File columns neither mapped nor named like a dataset column.</param>
public sealed record ImportResult(
    string File,
    long Rows,
    long Stored,
    long Quarantined,
    long Duplicates,
    IReadOnlyList<DateOnly> Partitions,
    IReadOnlyList<(string Reason, long Count)> Reasons,
    IReadOnlyList<string> IgnoredColumns);
