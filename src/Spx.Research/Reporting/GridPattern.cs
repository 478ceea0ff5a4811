namespace Spx.Research.Reporting;

/// <summary>How a subplot grid assigns axes (plotly <c>layout.grid.pattern</c>).</summary>
public enum GridPattern
{
    /// <summary>Each cell has its own x and y axis (<c>x2</c>/<c>y2</c> for the second cell, …).</summary>
    Independent,

    /// <summary>
    /// Cells share one x axis per column and one y axis per row, so panels stacked in a column zoom together
    /// in time: a price panel over a volume panel.
    /// </summary>
    Coupled,
}
