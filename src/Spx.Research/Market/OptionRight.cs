namespace Spx.Research.Market;

/// <summary>Call or put: the <c>C</c>/<c>P</c> letter in an OCC/Polygon option ticker.</summary>
public enum OptionRight
{
    /// <summary>The right to buy (ticker letter <c>C</c>).</summary>
    Call,

    /// <summary>The right to sell (ticker letter <c>P</c>).</summary>
    Put,
}
