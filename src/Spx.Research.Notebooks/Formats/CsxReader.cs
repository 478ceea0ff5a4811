namespace Spx.Research.Notebooks.Formats;

/// <summary>A C# script is a notebook of one C# cell, so the runner and report treat it like any notebook.</summary>
public static class CsxReader
{
    public static Notebook Parse(string text) =>
        Notebook.FromCells([NotebookCell.Code(text.Replace("\r\n", "\n"), PolyglotMetadata.Cell(NotebookKernels.CSharp))]);
}
