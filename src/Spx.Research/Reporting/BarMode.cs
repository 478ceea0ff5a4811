namespace Spx.Research.Reporting;

/// <summary>How bar traces at the same x share the space (plotly <c>layout.barmode</c>).</summary>
public enum BarMode
{
    /// <summary>Side by side: calls next to puts at each strike.</summary>
    Group,

    /// <summary>On top of each other: volume by venue.</summary>
    Stack,

    /// <summary>Stacked, with negative values below zero: call gamma up, put gamma down.</summary>
    Relative,

    /// <summary>Drawn over each other (set opacity to see through).</summary>
    Overlay,
}
