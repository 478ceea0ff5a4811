namespace Spx.Research.Reporting;

/// <summary>What an <see cref="AxisValues"/> column holds, which decides how plotly.js reads it.</summary>
public enum AxisValueKind
{
    /// <summary>Numbers (prices, strikes, volumes); missing values are JSON <c>null</c>.</summary>
    Number,

    /// <summary>Dates or date-times as wall-clock strings, which plotly.js puts on a date axis.</summary>
    Date,

    /// <summary>Free text, which plotly.js puts on a category axis.</summary>
    Text,
}
