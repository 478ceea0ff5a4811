namespace Spx.Research.Reporting;

/// <summary>
/// A grid of colours (plotly <c>heatmap</c>): implied volatility by strike × expiry, volume by strike × minute.
/// <see cref="Z"/>[row][column] is the cell at y[row], x[column] — rows run along y, exactly as plotly.js reads
/// <c>z</c>. Missing cells (NaN) are written as null and left blank. <see cref="Pivot"/> builds the grid from
/// long-form rows such as (strike, expiry, iv) records.
/// </summary>
public sealed record HeatmapTrace : Trace
{
    private readonly double[][] _z;

    /// <summary>A heatmap with <paramref name="z"/>[row, column] at (x[column], y[row]).</summary>
    /// <exception cref="ArgumentException">z is not y.Count rows by x.Count columns.</exception>
    public HeatmapTrace(AxisValues x, AxisValues y, double[,] z)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        if (z.GetLength(0) != y.Count || z.GetLength(1) != x.Count)
        {
            throw new ArgumentException(
                $"z is {z.GetLength(0)} rows × {z.GetLength(1)} columns but needs y.Count × x.Count = {y.Count} × {x.Count} (z[row, column] is the cell at y[row], x[column]).",
                nameof(z));
        }
        X = x;
        Y = y;
        _z = new double[y.Count][];
        for (var row = 0; row < y.Count; row++)
        {
            _z[row] = new double[x.Count];
            for (var column = 0; column < x.Count; column++)
                _z[row][column] = z[row, column];
        }
    }

    /// <inheritdoc />
    public override string Type => "heatmap";

    /// <summary>Column positions (e.g. strikes).</summary>
    public AxisValues X { get; }

    /// <summary>Row positions (e.g. expiries).</summary>
    public AxisValues Y { get; }

    /// <summary>Cell values by row (along y), then column (along x); NaN for a missing cell.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Z => _z;

    /// <summary>Colours; plotly's default scale unless set.</summary>
    public ColorScale? ColorScale { get; init; }

    /// <summary>Value at the bottom of the colour scale; the data minimum unless set.</summary>
    public double? ZMin { get; init; }

    /// <summary>Value at the top of the colour scale; the data maximum unless set.</summary>
    public double? ZMax { get; init; }

    /// <summary>Value at the middle of the colour scale, for diverging scales around zero.</summary>
    public double? ZMid { get; init; }

    /// <summary>Whether the colour scale runs the other way.</summary>
    public bool? ReverseScale { get; init; }

    /// <summary>Whether the colour bar is shown (it is by default).</summary>
    public bool? ShowScale { get; init; }

    /// <summary>Colour bar title and tick format.</summary>
    public ColorBar? ColorBar { get; init; }

    /// <summary>Whether hovering a missing cell shows a label; false keeps gaps quiet.</summary>
    public bool? HoverOnGaps { get; init; }

    /// <summary>
    /// A heatmap from long-form rows: one cell per row at (<paramref name="x"/>, <paramref name="y"/>) with value
    /// <paramref name="z"/>. Columns and rows are the distinct x and y values in ascending order; a cell no row
    /// fills is missing.
    /// </summary>
    /// <exception cref="ArgumentException">Two rows fill the same cell, or the key types are not supported by <see cref="AxisValues.From{T}"/>.</exception>
    public static HeatmapTrace Pivot<TRow, TX, TY>(IEnumerable<TRow> rows, Func<TRow, TX> x, Func<TRow, TY> y, Func<TRow, double> z)
        where TX : notnull
        where TY : notnull
    {
        var cells = new Dictionary<(TX X, TY Y), double>();
        foreach (var row in rows)
        {
            var key = (x(row), y(row));
            if (!cells.TryAdd(key, z(row)))
                throw new ArgumentException($"Two rows fill the heatmap cell at x = {key.Item1}, y = {key.Item2}.", nameof(rows));
        }

        var columns = cells.Keys.Select(key => key.X).Distinct().Order().ToArray();
        var lines = cells.Keys.Select(key => key.Y).Distinct().Order().ToArray();
        var columnIndex = columns.Select((value, index) => (value, index)).ToDictionary(pair => pair.value, pair => pair.index);
        var lineIndex = lines.Select((value, index) => (value, index)).ToDictionary(pair => pair.value, pair => pair.index);
        var grid = new double[lines.Length, columns.Length];
        for (var row = 0; row < lines.Length; row++)
        {
            for (var column = 0; column < columns.Length; column++)
                grid[row, column] = double.NaN;
        }
        foreach (var ((cx, cy), value) in cells)
            grid[lineIndex[cy], columnIndex[cx]] = value;
        return new HeatmapTrace(AxisValues.From(columns), AxisValues.From(lines), grid);
    }

    private protected override void WriteData(PlotlyJsonWriter writer)
    {
        X.WriteTo(writer, "x");
        Y.WriteTo(writer, "y");
        writer.StartArray("z");
        foreach (var row in _z)
        {
            writer.StartArray();
            foreach (var value in row)
                writer.Number(value);
            writer.EndArray();
        }
        writer.EndArray();
        ColorScale?.WriteTo(writer, "colorscale");
        writer.Number("zmin", ZMin);
        writer.Number("zmax", ZMax);
        writer.Number("zmid", ZMid);
        writer.Boolean("reversescale", ReverseScale);
        writer.Boolean("showscale", ShowScale);
        ColorBar?.WriteTo(writer, "colorbar");
        writer.Boolean("hoverongaps", HoverOnGaps);
    }
}
