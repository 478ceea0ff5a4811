namespace Spx.Research.Notebooks.Execution;

/// <summary>
/// One code cell's run. <see cref="Number"/> counts all cells of the source notebook from 1, markdown
/// included, as they appear in the editor; a parameters cell injected by this run has none.
/// </summary>
public sealed record CellRunResult
{
    /// <summary>Position in the executed notebook's cell list.</summary>
    public required int Index { get; init; }

    public required int? Number { get; init; }

    /// <summary>How many cells the source notebook has (the "of N" in <see cref="Label"/>).</summary>
    public required int SourceCellCount { get; init; }

    public required string FirstLine { get; init; }

    public required CellStatus Status { get; init; }

    public DateTimeOffset? Start { get; init; }

    public DateTimeOffset? End { get; init; }

    public ErrorOutput? Error { get; init; }

    /// <summary>The cell failed but the run goes on: <c>--allow-errors</c>, or the cell is tagged <c>raises-exception</c>.</summary>
    public bool ErrorAllowed { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public TimeSpan Duration => Start is { } start && End is { } end ? end - start : TimeSpan.Zero;

    /// <summary><c>cell 4 of 7</c>, or <c>the injected parameters cell</c>.</summary>
    public string Label => CellNumbers.Label(Number, SourceCellCount);
}
