namespace Spx.Research.Reporting;

/// <summary>Look of a scatter trace's line (plotly <c>line</c>). Unset members keep plotly's defaults.</summary>
public sealed record LineStyle
{
    /// <summary>CSS colour: <c>#1f77b4</c>, <c>rgb(31,119,180)</c> or a name. plotly.js 4 rejects <c>hsv()</c> and hex without <c>#</c>.</summary>
    public string? Color { get; init; }

    /// <summary>Width in pixels.</summary>
    public double? Width { get; init; }

    /// <summary>Dash pattern.</summary>
    public LineDash? Dash { get; init; }

    /// <summary>How points are joined.</summary>
    public LineShape? Shape { get; init; }

    internal void WriteTo(PlotlyJsonWriter writer, string name)
    {
        writer.StartObject(name);
        writer.Text("color", Color);
        writer.Number("width", Width);
        writer.Text("dash", Dash switch
        {
            null => null,
            LineDash.LongDash => "longdash",
            LineDash.DashDot => "dashdot",
            var dash => dash.Value.ToString().ToLowerInvariant(),
        });
        writer.Text("shape", Shape?.ToString().ToLowerInvariant());
        writer.EndObject();
    }
}
