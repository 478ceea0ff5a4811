namespace Spx.Research.Reporting;

/// <summary>
/// Bars of height y at x (plotly <c>bar</c>): volume by minute, open interest or gamma by strike. Several bar
/// traces group, stack or net out according to <see cref="Layout.BarMode"/>.
/// </summary>
public sealed record BarTrace : Trace
{
    /// <summary>A bar for each (x[i], y[i]); both columns must have the same length.</summary>
    /// <exception cref="ArgumentException">The columns differ in length.</exception>
    public BarTrace(AxisValues x, AxisValues y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        RequireSameCount(x.Count, y.Count, nameof(y), nameof(x));
        X = x;
        Y = y;
    }

    /// <inheritdoc />
    public override string Type => "bar";

    /// <summary>Bar positions (lengths when horizontal).</summary>
    public AxisValues X { get; }

    /// <summary>Bar lengths (positions when horizontal).</summary>
    public AxisValues Y { get; }

    /// <summary>Bar colours; <see cref="MarkerStyle.Colors"/> colours each bar.</summary>
    public MarkerStyle? Marker { get; init; }

    /// <summary>Text per bar, shown on hover.</summary>
    public IReadOnlyList<string?>? Text { get; init; }

    /// <summary>Vertical unless set.</summary>
    public BarOrientation? Orientation { get; init; }

    private protected override void WriteData(PlotlyJsonWriter writer)
    {
        X.WriteTo(writer, "x");
        Y.WriteTo(writer, "y");
        writer.Texts("text", Text);
        Marker?.WriteTo(writer, "marker");
        writer.Text("orientation", Orientation switch
        {
            BarOrientation.Horizontal => "h",
            BarOrientation.Vertical => "v",
            _ => null,
        });
    }
}
