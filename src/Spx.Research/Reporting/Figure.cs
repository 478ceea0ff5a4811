using System.Globalization;

namespace Spx.Research.Reporting;

/// <summary>
/// A plotly figure: traces, a <see cref="Layout"/> and a <see cref="FigureConfig"/>, serialised by
/// <see cref="FigureJson"/> to the JSON plotly.js 4 draws and rendered to HTML by <see cref="FigureHtml"/> and
/// <see cref="HtmlPage"/>. Immutable: <see cref="Add(Trace)"/> and <c>with</c> return new figures.
/// In a notebook a figure renders itself through the <see cref="TypeFormatterSourceAttribute"/> convention.
/// </summary>
[TypeFormatterSource(typeof(FigureFormatterSource), PreferredMimeTypes = [FigureFormatterSource.HtmlMimeType, FigureFormatterSource.PlotlyJsonMimeType])]
public sealed record Figure
{
    private readonly Trace[] _traces;
    private readonly Layout _layout = new();
    private readonly FigureConfig _config = FigureConfig.Default;

    /// <summary>A figure of <paramref name="traces"/>, drawn in order (later traces on top).</summary>
    public Figure(IEnumerable<Trace> traces, Layout? layout = null, FigureConfig? config = null)
    {
        ArgumentNullException.ThrowIfNull(traces);
        _traces = traces.ToArray();
        if (Array.IndexOf(_traces, null) >= 0)
            throw new ArgumentException("A figure's traces cannot be null.", nameof(traces));
        _layout = layout ?? new Layout();
        _config = config ?? FigureConfig.Default;
    }

    /// <summary>An empty figure with a default layout; add traces with <see cref="Add(Trace)"/>.</summary>
    public Figure()
        : this([])
    {
    }

    /// <summary>The traces, in drawing order.</summary>
    public IReadOnlyList<Trace> Traces => _traces;

    /// <summary>Title, axes, grid and the rest.</summary>
    public Layout Layout
    {
        get => _layout;
        init => _layout = value ?? throw new ArgumentNullException(nameof(Layout));
    }

    /// <summary>Display options.</summary>
    public FigureConfig Config
    {
        get => _config;
        init => _config = value ?? throw new ArgumentNullException(nameof(Config));
    }

    /// <summary>
    /// An empty figure laid out as a <paramref name="rows"/> × <paramref name="columns"/> grid (row 1 on top).
    /// With <paramref name="sharedX"/>, panels in a column share one x axis and zoom together in time — a
    /// price panel over a volume panel. Fill the cells with <see cref="Add(Trace, int, int)"/>.
    /// </summary>
    public static Figure Subplots(int rows, int columns, bool sharedX = false) => new()
    {
        Layout = new Layout { Grid = new SubplotGrid(rows, columns, sharedX ? GridPattern.Coupled : GridPattern.Independent) },
    };

    /// <summary>This figure with <paramref name="trace"/> drawn last.</summary>
    public Figure Add(Trace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return new Figure([.. _traces, trace], _layout, _config);
    }

    /// <summary>
    /// This figure with <paramref name="trace"/> in the subplot cell (<paramref name="row"/>, <paramref name="column"/>),
    /// counted from 1: the trace's <see cref="Trace.XAxis"/> and <see cref="Trace.YAxis"/> are set to that cell's axes.
    /// </summary>
    /// <exception cref="InvalidOperationException">The layout has no <see cref="Layout.Grid"/>; start from <see cref="Subplots"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The cell is outside the grid.</exception>
    public Figure Add(Trace trace, int row, int column)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var grid = _layout.Grid ?? throw new InvalidOperationException(
            "The figure has no subplot grid; start from Figure.Subplots(rows, columns) or set Layout.Grid.");
        var (x, y) = grid.AxesOf(row, column);
        return Add(trace with { XAxis = x, YAxis = y });
    }

    /// <summary>This figure with a title.</summary>
    public Figure WithTitle(Title title) => this with { Layout = _layout with { Title = title } };

    /// <summary>This figure with another layout, e.g. <c>figure.WithLayout(l =&gt; l with { Height = 600 })</c>.</summary>
    public Figure WithLayout(Func<Layout, Layout> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return this with { Layout = change(_layout) };
    }

    /// <summary>The plotly.js JSON <c>{"data":[…],"layout":{…},"config":{…}}</c>; see <see cref="FigureJson.Serialize"/>.</summary>
    public string ToJson(bool indented = false) => FigureJson.Serialize(this, indented);

    /// <summary>A one-line summary for logs and plain-text outputs, e.g. <c>Figure: 2 traces (scatter, scatter), title "SPX vs VIX"</c>.</summary>
    public override string ToString()
    {
        var text = _traces.Length == 1 ? "1 trace" : $"{_traces.Length.ToString(CultureInfo.InvariantCulture)} traces";
        if (_traces.Length > 0)
            text += $" ({string.Join(", ", _traces.Select(trace => trace.Type))})";
        if (_layout.Grid is { } grid)
            text += $", {grid.Rows.ToString(CultureInfo.InvariantCulture)}×{grid.Columns.ToString(CultureInfo.InvariantCulture)} subplots";
        if (_layout.Title is { } title)
            text += $", title \"{title.Text}\"";
        return "Figure: " + text;
    }
}
