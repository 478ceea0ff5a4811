namespace Spx.Research.Reporting;

/// <summary>How a line joins its points (plotly <c>line.shape</c>).</summary>
public enum LineShape
{
    /// <summary>Straight segments (the default).</summary>
    Linear,

    /// <summary>A smoothed curve through the points.</summary>
    Spline,

    /// <summary>Steps: horizontal then vertical, for values that hold until the next change (cumulative volume).</summary>
    Hv,

    /// <summary>Steps: vertical then horizontal.</summary>
    Vh,
}
