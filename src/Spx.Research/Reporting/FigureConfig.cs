namespace Spx.Research.Reporting;

/// <summary>
/// plotly.js display options (the third argument of <c>Plotly.newPlot</c>). The defaults suit reports and
/// notebooks: resize with the page, no plotly logo.
/// </summary>
public sealed record FigureConfig
{
    /// <summary>The defaults: responsive, no logo.</summary>
    public static FigureConfig Default { get; } = new();

    /// <summary>Whether the figure resizes with its container.</summary>
    public bool Responsive { get; init; } = true;

    /// <summary>Whether the mode bar shows the plotly logo.</summary>
    public bool DisplayLogo { get; init; }

    /// <summary>Whether the mode bar (zoom, pan, save as PNG) is shown: always (true), never (false), on hover (null).</summary>
    public bool? DisplayModeBar { get; init; }

    /// <summary>Whether the mouse wheel zooms.</summary>
    public bool? ScrollZoom { get; init; }

    /// <summary>A still picture with no interaction, e.g. for a printed report.</summary>
    public bool? StaticPlot { get; init; }

    internal void WriteTo(PlotlyJsonWriter writer, string name)
    {
        writer.StartObject(name);
        writer.Boolean("responsive", Responsive);
        writer.Boolean("displaylogo", DisplayLogo);
        writer.Boolean("displayModeBar", DisplayModeBar);
        writer.Boolean("scrollZoom", ScrollZoom);
        writer.Boolean("staticPlot", StaticPlot);
        writer.EndObject();
    }
}
