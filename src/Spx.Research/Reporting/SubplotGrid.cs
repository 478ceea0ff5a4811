namespace Spx.Research.Reporting;

/// <summary>
/// A grid of subplots (plotly <c>layout.grid</c>), row 1 at the top. <see cref="Figure.Subplots"/> makes one and
/// <see cref="Figure.Add(Trace, int, int)"/> puts traces into its cells.
/// </summary>
public sealed record SubplotGrid
{
    /// <summary>A grid of <paramref name="rows"/> × <paramref name="columns"/> cells.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one row or column.</exception>
    public SubplotGrid(int rows, int columns, GridPattern pattern = GridPattern.Independent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        Rows = rows;
        Columns = columns;
        Pattern = pattern;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>How cells map to axes.</summary>
    public GridPattern Pattern { get; }

    /// <summary>Gap between rows as a fraction of a cell's height.</summary>
    public double? RowGap { get; init; }

    /// <summary>Gap between columns as a fraction of a cell's width.</summary>
    public double? ColumnGap { get; init; }

    /// <summary>
    /// The x and y axis references (<c>x</c>, <c>y3</c>, …) plotly.js gives the cell at
    /// (<paramref name="row"/>, <paramref name="column"/>), both counted from 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The cell is outside the grid.</exception>
    public (string XAxis, string YAxis) AxesOf(int row, int column)
    {
        if (row < 1 || row > Rows)
            throw new ArgumentOutOfRangeException(nameof(row), row, $"The grid has rows 1 to {Rows}.");
        if (column < 1 || column > Columns)
            throw new ArgumentOutOfRangeException(nameof(column), column, $"The grid has columns 1 to {Columns}.");
        if (Pattern == GridPattern.Coupled)
            return (Reference('x', column), Reference('y', row));
        var cell = (row - 1) * Columns + column;
        return (Reference('x', cell), Reference('y', cell));
    }

    internal void WriteTo(PlotlyJsonWriter writer, string name)
    {
        writer.StartObject(name);
        writer.Number("rows", Rows);
        writer.Number("columns", Columns);
        writer.Text("pattern", Pattern == GridPattern.Coupled ? "coupled" : "independent");
        writer.Text("roworder", "top to bottom");
        writer.Number("ygap", RowGap);
        writer.Number("xgap", ColumnGap);
        writer.EndObject();
    }

    private static string Reference(char letter, int number) => number == 1 ? letter.ToString() : $"{letter}{number}";
}
