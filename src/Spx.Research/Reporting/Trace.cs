using System.Text.RegularExpressions;

namespace Spx.Research.Reporting;

/// <summary>
/// One plotly trace: a series drawn on a pair of axes. The kinds a research notebook or report needs are
/// <see cref="ScatterTrace"/> (lines, markers), <see cref="BarTrace"/>, <see cref="HeatmapTrace"/> and
/// <see cref="CandlestickTrace"/>; the static factories here make the common ones in one call. Traces are
/// immutable records: change one with <c>with</c>, e.g. <c>Trace.Line("VIX", t, vix) with { YAxis = "y2" }</c>.
/// </summary>
public abstract partial record Trace
{
    private readonly string? _xAxis;
    private readonly string? _yAxis;

    private protected Trace()
    {
    }

    /// <summary>plotly's trace type name (<c>scatter</c>, <c>bar</c>, <c>heatmap</c>, <c>candlestick</c>).</summary>
    public abstract string Type { get; }

    /// <summary>Legend and hover name.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// The x axis the trace is drawn against: <c>x</c> (the default), <c>x2</c>, … — see
    /// <see cref="Figure.Add(Trace, int, int)"/> for subplots.
    /// </summary>
    /// <exception cref="ArgumentException">Not <c>x</c> followed by an optional number from 2.</exception>
    public string? XAxis
    {
        get => _xAxis;
        init => _xAxis = AxisReference(value, 'x');
    }

    /// <summary>
    /// The y axis the trace is drawn against: <c>y</c> (the default), or <c>y2</c> for a secondary axis on the
    /// right (declare it with <see cref="Layout.YAxis2"/> = <see cref="Axis.Secondary"/>), or a subplot's axis.
    /// </summary>
    /// <exception cref="ArgumentException">Not <c>y</c> followed by an optional number from 2.</exception>
    public string? YAxis
    {
        get => _yAxis;
        init => _yAxis = AxisReference(value, 'y');
    }

    /// <summary>Whether the trace has a legend entry; plotly shows one when a figure has two or more traces.</summary>
    public bool? ShowLegend { get; init; }

    /// <summary>Traces with the same group toggle together in the legend (e.g. a candlestick and its volume).</summary>
    public string? LegendGroup { get; init; }

    /// <summary>
    /// plotly hover template, e.g. <c>K=%{x}&lt;br&gt;IV=%{z:.1%}&lt;extra&gt;&lt;/extra&gt;</c>
    /// (<c>&lt;extra&gt;&lt;/extra&gt;</c> hides the trace-name box).
    /// </summary>
    public string? HoverTemplate { get; init; }

    /// <summary>Opacity of the whole trace, 0–1.</summary>
    public double? Opacity { get; init; }

    /// <summary>A line through (x, y): a price or volatility time series.</summary>
    public static ScatterTrace Line(string name, AxisValues x, AxisValues y) => new(x, y) { Name = name, Mode = ScatterMode.Lines };

    /// <summary>Markers at (x, y): a put smile by strike, or a term structure by expiry.</summary>
    public static ScatterTrace Markers(string name, AxisValues x, AxisValues y) => new(x, y) { Name = name, Mode = ScatterMode.Markers };

    /// <summary>A line with a marker at each point.</summary>
    public static ScatterTrace LineWithMarkers(string name, AxisValues x, AxisValues y) =>
        new(x, y) { Name = name, Mode = ScatterMode.Lines | ScatterMode.Markers };

    /// <summary>Vertical bars: volume by time, open interest by strike.</summary>
    public static BarTrace Bar(string name, AxisValues x, AxisValues y) => new(x, y) { Name = name };

    /// <summary>A heatmap with <paramref name="z"/>[row, column] at (<paramref name="x"/>[column], <paramref name="y"/>[row]).</summary>
    public static HeatmapTrace Heatmap(AxisValues x, AxisValues y, double[,] z) => new(x, y, z);

    /// <summary>OHLC candles at <paramref name="x"/>.</summary>
    public static CandlestickTrace Candlestick(
        string name, AxisValues x, IReadOnlyList<double> open, IReadOnlyList<double> high, IReadOnlyList<double> low, IReadOnlyList<double> close) =>
        new(x, open, high, low, close) { Name = name };

    internal void WriteTo(PlotlyJsonWriter writer)
    {
        writer.StartObject();
        writer.Text("type", Type);
        writer.Text("name", Name);
        WriteData(writer);
        writer.Text("xaxis", XAxis);
        writer.Text("yaxis", YAxis);
        writer.Boolean("showlegend", ShowLegend);
        writer.Text("legendgroup", LegendGroup);
        writer.Text("hovertemplate", HoverTemplate);
        writer.Number("opacity", Opacity);
        writer.EndObject();
    }

    /// <summary>Writes the attributes of this kind of trace (data arrays and styling).</summary>
    private protected abstract void WriteData(PlotlyJsonWriter writer);

    /// <summary>Throws unless two columns of one trace have the same length.</summary>
    private protected static void RequireSameCount(int expected, int actual, string what, string other)
    {
        if (expected != actual)
            throw new ArgumentException($"{what} has {actual} values but {other} has {expected}; every point needs both.", what);
    }

    private static string? AxisReference(string? value, char letter)
    {
        if (value is null || AxisReferencePattern().IsMatch(value) && value[0] == letter)
            return value;
        throw new ArgumentException(
            $"'{value}' is not a plotly {letter} axis reference: use '{letter}', '{letter}2', '{letter}3', ….",
            letter == 'x' ? nameof(XAxis) : nameof(YAxis));
    }

    [GeneratedRegex("^[xy]([2-9]|[1-9][0-9]+)?$")]
    internal static partial Regex AxisReferencePattern();
}
