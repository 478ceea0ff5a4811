namespace Spx.Research.Reporting;

/// <summary>
/// OHLC candles (plotly <c>candlestick</c>). plotly.js adds a range slider under a candlestick's x axis and
/// keeps weekend gaps; a daily or intraday chart usually wants neither — use <see cref="Axis.MarketDates"/>
/// for its x axis.
/// </summary>
public sealed record CandlestickTrace : Trace
{
    private readonly double[] _open;
    private readonly double[] _high;
    private readonly double[] _low;
    private readonly double[] _close;

    /// <summary>A candle per x; all five columns must have the same length. NaN marks a missing bar.</summary>
    /// <exception cref="ArgumentException">The columns differ in length.</exception>
    public CandlestickTrace(AxisValues x, IReadOnlyList<double> open, IReadOnlyList<double> high, IReadOnlyList<double> low, IReadOnlyList<double> close)
    {
        ArgumentNullException.ThrowIfNull(x);
        _open = Column(open, nameof(open), x.Count);
        _high = Column(high, nameof(high), x.Count);
        _low = Column(low, nameof(low), x.Count);
        _close = Column(close, nameof(close), x.Count);
        X = x;
    }

    /// <inheritdoc />
    public override string Type => "candlestick";

    /// <summary>Bar times or dates.</summary>
    public AxisValues X { get; }

    /// <summary>Opening prices.</summary>
    public IReadOnlyList<double> Open => _open;

    /// <summary>High prices.</summary>
    public IReadOnlyList<double> High => _high;

    /// <summary>Low prices.</summary>
    public IReadOnlyList<double> Low => _low;

    /// <summary>Closing prices.</summary>
    public IReadOnlyList<double> Close => _close;

    /// <summary>Colour of candles that close above their open; plotly's green unless set.</summary>
    public string? IncreasingColor { get; init; }

    /// <summary>Colour of candles that close below their open; plotly's red unless set.</summary>
    public string? DecreasingColor { get; init; }

    private protected override void WriteData(PlotlyJsonWriter writer)
    {
        X.WriteTo(writer, "x");
        writer.Numbers("open", _open);
        writer.Numbers("high", _high);
        writer.Numbers("low", _low);
        writer.Numbers("close", _close);
        WriteDirection(writer, "increasing", IncreasingColor);
        WriteDirection(writer, "decreasing", DecreasingColor);
    }

    private static void WriteDirection(PlotlyJsonWriter writer, string name, string? color)
    {
        if (color is null)
            return;
        writer.StartObject(name);
        writer.StartObject("line");
        writer.Text("color", color);
        writer.EndObject();
        writer.EndObject();
    }

    private static double[] Column(IReadOnlyList<double> values, string name, int count)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        RequireSameCount(count, values.Count, name, "x");
        return values.ToArray();
    }
}
