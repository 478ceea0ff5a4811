namespace Spx.Research.Reporting;

/// <summary>How a scatter trace draws its points; flags combine into plotly's <c>"lines+markers"</c>.</summary>
[Flags]
public enum ScatterMode
{
    /// <summary>Nothing drawn (plotly's <c>"none"</c>): only hover, e.g. for an invisible helper trace.</summary>
    None = 0,

    /// <summary>Points joined by lines: a time series.</summary>
    Lines = 1,

    /// <summary>A marker at each point: a smile or a scatter of observations.</summary>
    Markers = 2,

    /// <summary>Each point's text drawn beside it.</summary>
    Text = 4,
}
