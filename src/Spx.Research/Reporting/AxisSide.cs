namespace Spx.Research.Reporting;

/// <summary>Where an axis is drawn (plotly <c>side</c>).</summary>
public enum AxisSide
{
    /// <summary>Left of the plot (y axes).</summary>
    Left,

    /// <summary>Right of the plot: a secondary y axis.</summary>
    Right,

    /// <summary>Above the plot (x axes).</summary>
    Top,

    /// <summary>Below the plot (x axes).</summary>
    Bottom,
}
