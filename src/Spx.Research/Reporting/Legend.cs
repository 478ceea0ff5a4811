namespace Spx.Research.Reporting;

/// <summary>
/// Where the legend sits (plotly <c>layout.legend</c>). plotly puts it top right, where it covers the tick
/// labels of a secondary y axis; <see cref="Above"/> moves it into a row over the plot.
/// </summary>
public sealed record Legend
{
    /// <summary>One row over the plot area, left-aligned: the place for figures with a right-hand axis.</summary>
    public static Legend Above { get; } = new() { Horizontal = true, X = 0, Y = 1.02, XAnchor = "left", YAnchor = "bottom" };

    /// <summary>Entries in a row (true) or a column (false, plotly's default).</summary>
    public bool? Horizontal { get; init; }

    /// <summary>Horizontal position as a fraction of the plot width (may be outside 0–1).</summary>
    public double? X { get; init; }

    /// <summary>Vertical position as a fraction of the plot height (may be outside 0–1).</summary>
    public double? Y { get; init; }

    /// <summary>Which side of the legend <see cref="X"/> places: <c>left</c>, <c>center</c>, <c>right</c> or <c>auto</c>.</summary>
    public string? XAnchor { get; init; }

    /// <summary>Which side of the legend <see cref="Y"/> places: <c>top</c>, <c>middle</c>, <c>bottom</c> or <c>auto</c>.</summary>
    public string? YAnchor { get; init; }

    internal void WriteTo(PlotlyJsonWriter writer, string name)
    {
        writer.StartObject(name);
        writer.Text("orientation", Horizontal switch { true => "h", false => "v", null => null });
        writer.Number("x", X);
        writer.Number("y", Y);
        writer.Text("xanchor", XAnchor);
        writer.Text("yanchor", YAnchor);
        writer.EndObject();
    }
}
