namespace Spx.Research.Notebooks.Execution;

/// <summary>How a code cell's run ended; written to the cell's <c>metadata.spx.status</c>.</summary>
public enum CellStatus
{
    /// <summary>Ran to the end (or rendered, for markdown and html cells).</summary>
    Completed,

    /// <summary>Raised, did not compile, timed out, or cannot run here; the cell has an <c>error</c> output.</summary>
    Failed,

    /// <summary>Not run: an earlier cell failed, or there was nothing to run.</summary>
    Skipped,
}
