namespace Spx.Research.Reporting;

/// <summary>The colour bar beside a heatmap (plotly <c>colorbar</c>).</summary>
public sealed record ColorBar
{
    /// <summary>Title over the bar, e.g. <c>IV</c>.</summary>
    public Title? Title { get; init; }

    /// <summary>d3 format of the tick labels, e.g. <c>.0%</c> for volatilities stored as fractions.</summary>
    public string? TickFormat { get; init; }

    internal void WriteTo(PlotlyJsonWriter writer, string name)
    {
        writer.StartObject(name);
        writer.Title("title", Title);
        writer.Text("tickformat", TickFormat);
        writer.EndObject();
    }
}
