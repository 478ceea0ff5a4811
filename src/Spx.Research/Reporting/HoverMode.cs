namespace Spx.Research.Reporting;

/// <summary>What hovering shows (plotly <c>layout.hovermode</c>).</summary>
public enum HoverMode
{
    /// <summary>The single nearest point.</summary>
    Closest,

    /// <summary>A label per trace at the hovered x.</summary>
    X,

    /// <summary>A label per trace at the hovered y.</summary>
    Y,

    /// <summary>One box listing every trace at the hovered x: the usual choice for time series.</summary>
    XUnified,

    /// <summary>One box listing every trace at the hovered y.</summary>
    YUnified,

    /// <summary>No hover labels.</summary>
    Off,
}
