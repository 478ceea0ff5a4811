namespace Spx.Research.Reporting;

/// <summary>
/// One axis of a figure (plotly <c>xaxis</c>, <c>yaxis2</c>, …). Which axis it is comes from where it sits in
/// <see cref="Layout.Axes"/>; unset members keep plotly's defaults. The factories cover the axes SPX charts
/// use: <see cref="Date"/>, <see cref="MarketDates"/> for candles, <see cref="Secondary"/> for VIX beside SPX.
/// </summary>
public sealed record Axis
{
    private readonly AxisValues? _range;

    /// <summary>Axis title.</summary>
    public Title? Title { get; init; }

    /// <summary>How values are read; plotly.js guesses from the data when unset.</summary>
    public AxisType? Type { get; init; }

    /// <summary>Where the axis is drawn; <see cref="AxisSide.Right"/> for a secondary y axis.</summary>
    public AxisSide? Side { get; init; }

    /// <summary>The axis this one is drawn over (<c>y</c> for a secondary y axis sharing the plot area).</summary>
    public string? Overlaying { get; init; }

    /// <summary>The axis this one is anchored to (<c>x2</c> for a y axis placed by hand in a subplot).</summary>
    public string? Anchor { get; init; }

    /// <summary>An axis whose range this one follows when zooming (<c>x</c> to link subplots' time axes).</summary>
    public string? Matches { get; init; }

    /// <summary>Shown range: two values (numbers, or dates on a date axis).</summary>
    /// <exception cref="ArgumentException">Not exactly two values.</exception>
    public AxisValues? Range
    {
        get => _range;
        init => _range = value is null || value.Count == 2
            ? value
            : throw new ArgumentException($"An axis range has two values (from, to), not {value.Count}.", nameof(Range));
    }

    /// <summary>Part of the figure's width (x) or height (y) the axis spans, from 0 to 1.</summary>
    public (double From, double To)? Domain { get; init; }

    /// <summary>d3 format of tick labels: <c>.1%</c>, <c>,.0f</c>, or a date format such as <c>%b %d</c>.</summary>
    public string? TickFormat { get; init; }

    /// <summary>Whether grid lines are drawn.</summary>
    public bool? ShowGrid { get; init; }

    /// <summary>Whether a line marks zero.</summary>
    public bool? ZeroLine { get; init; }

    /// <summary>Whether the range slider under an x axis is shown; plotly.js shows it under candlesticks unless false.</summary>
    public bool? RangeSlider { get; init; }

    /// <summary>Stretches a date axis leaves out: weekends, nights, holidays.</summary>
    public IReadOnlyList<RangeBreak>? RangeBreaks { get; init; }

    /// <summary>A date axis.</summary>
    public static Axis Date(Title? title = null) => new() { Title = title, Type = AxisType.Date };

    /// <summary>A category axis: labels spaced evenly in the order given.</summary>
    public static Axis Category(Title? title = null) => new() { Title = title, Type = AxisType.Category };

    /// <summary>A log axis.</summary>
    public static Axis Log(Title? title = null) => new() { Title = title, Type = AxisType.Log };

    /// <summary>A linear axis.</summary>
    public static Axis Linear(Title? title = null) => new() { Title = title, Type = AxisType.Linear };

    /// <summary>
    /// A date axis for trading sessions: no range slider and no weekend gaps. Pass
    /// <see cref="RangeBreak.Overnight"/> for intraday bars and <see cref="RangeBreak.Dates"/> for holidays.
    /// </summary>
    public static Axis MarketDates(Title? title = null, params RangeBreak[] moreBreaks) => new()
    {
        Title = title,
        Type = AxisType.Date,
        RangeSlider = false,
        RangeBreaks = [RangeBreak.Weekends, .. moreBreaks],
    };

    /// <summary>A second y axis on the right sharing the plot area of <paramref name="overlaying"/> (plotly <c>yaxis2</c>).</summary>
    public static Axis Secondary(Title? title = null, string overlaying = "y") => new()
    {
        Title = title,
        Overlaying = overlaying,
        Side = AxisSide.Right,
        ShowGrid = false,
    };

    internal void WriteTo(PlotlyJsonWriter writer, string name)
    {
        writer.StartObject(name);
        writer.Title("title", Title);
        writer.Text("type", Type?.ToString().ToLowerInvariant());
        writer.Text("side", Side?.ToString().ToLowerInvariant());
        writer.Text("overlaying", Overlaying);
        writer.Text("anchor", Anchor);
        writer.Text("matches", Matches);
        Range?.WriteTo(writer, "range");
        if (Domain is var (from, to))
        {
            writer.StartArray("domain");
            writer.Number(from);
            writer.Number(to);
            writer.EndArray();
        }
        writer.Text("tickformat", TickFormat);
        writer.Boolean("showgrid", ShowGrid);
        writer.Boolean("zeroline", ZeroLine);
        if (RangeSlider is { } visible)
        {
            writer.StartObject("rangeslider");
            writer.Boolean("visible", visible);
            writer.EndObject();
        }
        if (RangeBreaks is { Count: > 0 })
        {
            writer.StartArray("rangebreaks");
            foreach (var rangeBreak in RangeBreaks)
                rangeBreak.WriteTo(writer);
            writer.EndArray();
        }
        writer.EndObject();
    }
}
