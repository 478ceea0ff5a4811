namespace Spx.Research.Lake;

/// <summary>
/// One row-level check of a staged batch, as SQL over the staging table.
/// </summary>
/// <param name="Column">Column checked.</param>
/// <param name="Problem">What a failing value is, for messages, e.g. "NULL value(s) in a NOT NULL column".</param>
/// <param name="Predicate">True for a failing row.</param>
/// <param name="Reason">VARCHAR expression describing the failure of one row (the quarantine <c>reason</c>).</param>
/// <param name="Sample">VARCHAR expression showing the offending value, or null when the value is NULL.</param>
internal sealed record RowRule(string Column, string Problem, string Predicate, string Reason, string? Sample);
