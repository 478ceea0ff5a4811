namespace Spx.Research.Lake;

/// <summary>What a write does with rows that break a row-level rule (NULL in a non-nullable column, a
/// value that cannot be cast losslessly, a timestamp on another session date).</summary>
public enum InvalidRows
{
    /// <summary>Throw <see cref="LakeSchemaException"/> and write nothing (the default: bad input is a bug to see).</summary>
    Reject,

    /// <summary>Write the valid rows and move the invalid ones, with a <c>reason</c>, to <c>LAKE/_quarantine/…</c>
    /// (bulk ingest: keep going, never drop a record silently).</summary>
    Quarantine,
}
