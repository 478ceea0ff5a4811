namespace Spx.Research.Ingest.Checkpoints;

/// <summary>A unit the checkpoint records as stored: where its rows are and how many.</summary>
/// <param name="Rows">Rows the unit downloaded (after de-duplication by key).</param>
/// <param name="Files">
/// Lake-relative paths (<c>stock_bars_1m/date=2025-03-03/part-&lt;hash&gt;.parquet</c>) of the files holding the
/// unit's rows when it finished. The name carries the content hash, so "still intact" is checkable.
/// </param>
public sealed record CompletedUnit(long Rows, IReadOnlyList<string> Files, DateTimeOffset CompletedUtc);
