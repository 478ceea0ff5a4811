using Spx.Research.Notebooks.Execution;

namespace Spx.Research.Notebooks;

/// <summary>
/// One numbering of cells for <c>spx notebook run</c>'s progress and errors and for the HTML page: every
/// cell of the source notebook from 1, markdown included, as the editor shows them (<c>cell 4 of 16</c>).
/// The runner writes each code cell's number into its <c>metadata.spx</c> and the count into the notebook's,
/// so the page labels a cell as the run named it even when the run inserted cells (a parameters cell, the
/// failure banner) that the source does not have.
/// </summary>
public static class CellNumbers
{
    /// <summary>Key in a cell's <c>metadata.spx</c>: its number in the source notebook.</summary>
    public const string NumberKey = "cell";

    /// <summary>Key in the notebook's <c>metadata.spx</c>: how many cells the source notebook has.</summary>
    public const string CountKey = "cells";

    /// <summary><c>cell 4 of 16</c>, or <c>the injected parameters cell</c> for a cell the run inserted.</summary>
    public static string Label(int? number, int count) => number is { } n ? $"cell {n} of {count}" : "the injected parameters cell";

    /// <summary>
    /// The label of every cell of <paramref name="notebook"/> (null for the failure banner): the number the
    /// runner recorded, else the cell's place among the notebook's cells (a notebook not run by us).
    /// </summary>
    public static IReadOnlyList<string?> Labels(Notebook notebook)
    {
        var cells = notebook.Cells;
        var count = Json.IntAt(notebook.Metadata, NotebookRunner.MetadataKey, CountKey) ?? cells.Count(c => !c.HasTag(NotebookRunner.ErrorCellTag));
        var labels = new string?[cells.Count];
        var position = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            if (cell.HasTag(NotebookRunner.ErrorCellTag)) continue;
            position++;
            var recorded = Json.Property(cell.Metadata, NotebookRunner.MetadataKey);
            labels[i] = recorded is null ? Label(position, count)
                : Label(Json.IntAt(recorded, NumberKey), count); // run by us: no number means the run inserted it
        }
        return labels;
    }
}
