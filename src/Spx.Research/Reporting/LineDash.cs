namespace Spx.Research.Reporting;

/// <summary>Dash pattern of a line (plotly <c>line.dash</c>).</summary>
public enum LineDash
{
    /// <summary>A solid line (the default).</summary>
    Solid,

    /// <summary>Dotted, for references such as yesterday's curve.</summary>
    Dot,

    /// <summary>Dashed.</summary>
    Dash,

    /// <summary>Long dashes.</summary>
    LongDash,

    /// <summary>Dash-dot.</summary>
    DashDot,
}
