namespace Spx.Research.Reporting;

/// <summary>
/// Points (x, y) drawn as lines, markers or both (plotly <c>scatter</c>). A line chart is a scatter in
/// <see cref="ScatterMode.Lines"/> mode: see <see cref="Trace.Line"/>.
/// </summary>
public sealed record ScatterTrace : Trace
{
    /// <summary>A scatter of (x[i], y[i]); both columns must have the same length.</summary>
    /// <exception cref="ArgumentException">The columns differ in length.</exception>
    public ScatterTrace(AxisValues x, AxisValues y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        RequireSameCount(x.Count, y.Count, nameof(y), nameof(x));
        X = x;
        Y = y;
    }

    /// <inheritdoc />
    public override string Type => "scatter";

    /// <summary>Horizontal positions.</summary>
    public AxisValues X { get; }

    /// <summary>Vertical positions.</summary>
    public AxisValues Y { get; }

    /// <summary>What is drawn at the points; lines unless set.</summary>
    public ScatterMode Mode { get; init; } = ScatterMode.Lines;

    /// <summary>Line look (plotly <c>line</c>; named so as not to clash with <see cref="Trace.Line"/>).</summary>
    public LineStyle? LineStyle { get; init; }

    /// <summary>Marker look.</summary>
    public MarkerStyle? Marker { get; init; }

    /// <summary>Text per point, shown on hover (and beside the point with <see cref="ScatterMode.Text"/>).</summary>
    public IReadOnlyList<string?>? Text { get; init; }

    /// <summary>Whether a line bridges missing (null) points; by default it breaks there.</summary>
    public bool? ConnectGaps { get; init; }

    private protected override void WriteData(PlotlyJsonWriter writer)
    {
        writer.Text("mode", ModeText(Mode));
        X.WriteTo(writer, "x");
        Y.WriteTo(writer, "y");
        writer.Texts("text", Text);
        LineStyle?.WriteTo(writer, "line");
        Marker?.WriteTo(writer, "marker");
        writer.Boolean("connectgaps", ConnectGaps);
    }

    private static string ModeText(ScatterMode mode)
    {
        if (mode == ScatterMode.None)
            return "none";
        var parts = new List<string>(3);
        if (mode.HasFlag(ScatterMode.Lines))
            parts.Add("lines");
        if (mode.HasFlag(ScatterMode.Markers))
            parts.Add("markers");
        if (mode.HasFlag(ScatterMode.Text))
            parts.Add("text");
        return string.Join('+', parts);
    }
}
