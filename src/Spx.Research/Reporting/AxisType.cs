namespace Spx.Research.Reporting;

/// <summary>How an axis reads its values (plotly <c>type</c>); plotly.js guesses from the data when unset.</summary>
public enum AxisType
{
    /// <summary>Numbers on a linear scale.</summary>
    Linear,

    /// <summary>Numbers on a log scale (volume, open interest across strikes).</summary>
    Log,

    /// <summary>Dates and times.</summary>
    Date,

    /// <summary>Labels in the order given, evenly spaced (expiries as labels rather than a time line).</summary>
    Category,
}
