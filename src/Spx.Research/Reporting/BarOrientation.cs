namespace Spx.Research.Reporting;

/// <summary>Direction of bars (plotly <c>orientation</c>).</summary>
public enum BarOrientation
{
    /// <summary>Bars rise from the x axis (the default).</summary>
    Vertical,

    /// <summary>Bars extend from the y axis; x holds the lengths and y the categories.</summary>
    Horizontal,
}
