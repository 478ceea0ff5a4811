using System.Collections.Immutable;

namespace Spx.Research.Reporting;

/// <summary>
/// Everything about a figure that is not a trace (plotly <c>layout</c>): title, axes, subplot grid, bar mode,
/// legend, size. Axes are kept by the reference traces use — <c>x</c>, <c>y</c>, <c>y2</c>, <c>x3</c> — and
/// written as plotly's <c>xaxis</c>, <c>yaxis</c>, <c>yaxis2</c>, <c>xaxis3</c>; <see cref="XAxis"/>,
/// <see cref="YAxis"/> and <see cref="YAxis2"/> are shortcuts for the common three.
/// </summary>
public sealed record Layout
{
    private readonly ImmutableSortedDictionary<string, Axis> _axes = ImmutableSortedDictionary.Create<string, Axis>(StringComparer.Ordinal);

    /// <summary>Figure title.</summary>
    public Title? Title { get; init; }

    /// <summary>Axes by reference (<c>x</c>, <c>y2</c>, …).</summary>
    /// <exception cref="ArgumentException">A key is not an axis reference.</exception>
    public IReadOnlyDictionary<string, Axis> Axes
    {
        get => _axes;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            foreach (var reference in value.Keys)
                RequireReference(reference);
            _axes = value.ToImmutableSortedDictionary(StringComparer.Ordinal);
        }
    }

    /// <summary>The main x axis (<c>x</c>).</summary>
    public Axis? XAxis
    {
        get => AxisOf("x");
        init => _axes = Set(_axes, "x", value);
    }

    /// <summary>The main y axis (<c>y</c>).</summary>
    public Axis? YAxis
    {
        get => AxisOf("y");
        init => _axes = Set(_axes, "y", value);
    }

    /// <summary>
    /// The second y axis (<c>y2</c>): with <see cref="Axis.Secondary"/>, a right-hand axis over the main plot for
    /// traces with <see cref="Trace.YAxis"/> = <c>y2</c>; in a subplot grid, the second cell's y axis.
    /// </summary>
    public Axis? YAxis2
    {
        get => AxisOf("y2");
        init => _axes = Set(_axes, "y2", value);
    }

    /// <summary>Subplot grid; see <see cref="Figure.Subplots"/>.</summary>
    public SubplotGrid? Grid { get; init; }

    /// <summary>How bar traces share an x position.</summary>
    public BarMode? BarMode { get; init; }

    /// <summary>What hovering shows.</summary>
    public HoverMode? HoverMode { get; init; }

    /// <summary>Whether the legend is shown; plotly shows it when there are two or more traces.</summary>
    public bool? ShowLegend { get; init; }

    /// <summary>Where the legend sits; <see cref="Reporting.Legend.Above"/> keeps it off a right-hand axis.</summary>
    public Legend? Legend { get; init; }

    /// <summary>Height in pixels; 450 unless set.</summary>
    public int? Height { get; init; }

    /// <summary>Width in pixels; the container's width unless set.</summary>
    public int? Width { get; init; }

    /// <summary>The axis with this reference, or null when the layout leaves it to plotly's defaults.</summary>
    public Axis? AxisOf(string reference) => _axes.GetValueOrDefault(reference);

    /// <summary>This layout with <paramref name="axis"/> as the axis <paramref name="reference"/> (<c>x2</c>, <c>y3</c>, …).</summary>
    /// <exception cref="ArgumentException"><paramref name="reference"/> is not an axis reference.</exception>
    public Layout WithAxis(string reference, Axis axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        return this with { Axes = Set(_axes, RequireReference(reference), axis) };
    }

    internal void WriteTo(PlotlyJsonWriter writer, string name)
    {
        writer.StartObject(name);
        writer.Title("title", Title);
        foreach (var (reference, axis) in _axes)
            axis.WriteTo(writer, $"{reference[0]}axis{reference[1..]}");
        Grid?.WriteTo(writer, "grid");
        writer.Text("barmode", BarMode?.ToString().ToLowerInvariant());
        switch (HoverMode)
        {
            case null:
                break;
            case Reporting.HoverMode.Off:
                writer.Boolean("hovermode", false);
                break;
            case Reporting.HoverMode.XUnified:
                writer.Text("hovermode", "x unified");
                break;
            case Reporting.HoverMode.YUnified:
                writer.Text("hovermode", "y unified");
                break;
            case var mode:
                writer.Text("hovermode", mode.Value.ToString().ToLowerInvariant());
                break;
        }
        writer.Boolean("showlegend", ShowLegend);
        Legend?.WriteTo(writer, "legend");
        writer.Number("height", Height);
        writer.Number("width", Width);
        writer.EndObject();
    }

    private static ImmutableSortedDictionary<string, Axis> Set(ImmutableSortedDictionary<string, Axis> axes, string reference, Axis? axis) =>
        axis is null ? axes.Remove(reference) : axes.SetItem(reference, axis);

    private static string RequireReference(string reference) =>
        Trace.AxisReferencePattern().IsMatch(reference)
            ? reference
            : throw new ArgumentException($"'{reference}' is not an axis reference: use 'x', 'y', 'x2', 'y2', ….", nameof(reference));
}
