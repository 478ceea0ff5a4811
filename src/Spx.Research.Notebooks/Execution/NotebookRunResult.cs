namespace Spx.Research.Notebooks.Execution;

/// <summary>
/// A finished run: the executed notebook (outputs, per-cell <c>metadata.spx</c>, a banner when a cell
/// failed) and per-cell results. <see cref="Succeeded"/> is false when a cell failed and errors were not
/// allowed; <see cref="FailureMessage"/> then names the notebook, the cell and the error on one line.
/// </summary>
public sealed record NotebookRunResult
{
    public required Notebook Notebook { get; init; }

    /// <summary>The notebook file run, or null for a notebook run from memory.</summary>
    public string? SourcePath { get; init; }

    public required IReadOnlyList<CellRunResult> Cells { get; init; }

    /// <summary>The cell that stopped the run, or null.</summary>
    public CellRunResult? Failure { get; init; }

    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Where <see cref="NotebookRunner.RunFileAsync"/> wrote the executed notebook and the HTML page.</summary>
    public string? OutputNotebookPath { get; init; }

    public string? OutputHtmlPath { get; init; }

    public bool Succeeded => Failure is null;

    public TimeSpan Duration => End - Start;

    /// <summary>Cells that raised but were allowed to (<c>--allow-errors</c>, <c>raises-exception</c>).</summary>
    public IReadOnlyList<CellRunResult> AllowedErrors => Cells.Where(c => c.ErrorAllowed).ToArray();

    /// <summary>e.g. <c>notebooks/x.ipynb: cell 4 of 7 (`var y = 1 / zero;`) failed: DivideByZeroException: Attempted to divide by zero.</c></summary>
    public string? FailureMessage => Failure is { } failed
        ? $"{SourcePath ?? "notebook"}: {Describe(failed)}"
        : null;

    internal static string Describe(CellRunResult cell) =>
        $"{cell.Label} (`{Shorten(cell.FirstLine, 60)}`) failed: {cell.Error?.EName}: {OneLine(cell.Error?.EValue ?? "")}";

    private static string OneLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length switch
        {
            0 => "",
            1 => lines[0],
            _ => $"{lines[0]} (+{lines.Length - 1} more)",
        };
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
