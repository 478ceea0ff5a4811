using System.Globalization;

namespace Spx.Research.Reporting;

/// <summary>
/// A stretch a date axis leaves out (plotly <c>rangebreaks</c>), so a chart of trading sessions has no flat
/// gaps for weekends, nights or holidays. Only valid on a date axis.
/// </summary>
public sealed record RangeBreak
{
    private RangeBreak(string? pattern, (double From, double To)? bounds, IReadOnlyList<string>? values)
    {
        Pattern = pattern;
        Bounds = bounds;
        Values = values;
    }

    /// <summary>plotly <c>pattern</c>: <c>day of week</c> or <c>hour</c>; null for a list of dates.</summary>
    public string? Pattern { get; }

    /// <summary>Where the break starts and ends within the pattern.</summary>
    public (double From, double To)? Bounds { get; }

    /// <summary>Dates left out (<c>yyyy-MM-dd</c>), for a list of dates.</summary>
    public IReadOnlyList<string>? Values { get; }

    /// <summary>Saturday through Sunday: <c>{"pattern":"day of week","bounds":[6,1]}</c>.</summary>
    public static RangeBreak Weekends { get; } = new("day of week", (6, 1), null);

    /// <summary>
    /// The hours between the close and the next open on the axis's clock: by default 16:00 to 09:30, the
    /// regular SPX session in New York time (use <see cref="AxisValues.Instants"/> for the x values).
    /// </summary>
    public static RangeBreak Overnight(double closeHour = 16, double openHour = 9.5) => new("hour", (closeHour, openHour), null);

    /// <summary>Whole days left out: market holidays from <see cref="Market.NyseCalendar"/>.</summary>
    public static RangeBreak Dates(IEnumerable<DateOnly> days) =>
        new(null, null, days.Select(day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray());

    internal void WriteTo(PlotlyJsonWriter writer)
    {
        writer.StartObject();
        writer.Text("pattern", Pattern);
        if (Bounds is var (from, to))
        {
            writer.StartArray("bounds");
            writer.Number(from);
            writer.Number(to);
            writer.EndArray();
        }
        writer.Texts("values", Values);
        writer.EndObject();
    }
}
