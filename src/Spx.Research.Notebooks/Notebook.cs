using System.Text.Json;

namespace Spx.Research.Notebooks;

/// <summary>
/// A notebook in a neutral shape that <c>.ipynb</c>, <c>.dib</c> and <c>.csx</c> all read into. The
/// notebook metadata is kept verbatim (Polyglot's <c>kernelspec</c> and <c>polyglot_notebook</c> keys),
/// because notebooks stay editable in Polyglot/VS Code even though nothing here depends on it.
/// </summary>
public sealed record Notebook
{
    public required IReadOnlyList<NotebookCell> Cells { get; init; }

    /// <summary>Notebook <c>metadata</c> verbatim (a JSON object), or null when absent.</summary>
    public JsonElement? Metadata { get; init; }

    public int FormatMajor { get; init; } = 4;

    public int FormatMinor { get; init; } = 5;

    /// <summary>The kernel cells run in unless they say otherwise (see <see cref="NotebookKernels.DefaultKernel"/>).</summary>
    public string DefaultKernel => NotebookKernels.DefaultKernel(Metadata);

    /// <summary>The kernel a cell runs in, resolved as Polyglot does (docs/notebooks-and-cake.md §1.1); null for markdown and raw cells.</summary>
    public string? KernelOf(NotebookCell cell) =>
        cell.Kind == CellKind.Code ? NotebookKernels.Resolve(Metadata, cell.Metadata, cell.Source) : null;

    /// <summary>A C#-only notebook with the metadata VS Code's Polyglot extension writes, for .dib/.csx input.</summary>
    public static Notebook FromCells(IReadOnlyList<NotebookCell> cells, JsonElement? kernelInfo = null) =>
        new() { Cells = cells, Metadata = PolyglotMetadata.Notebook(kernelInfo) };
}
