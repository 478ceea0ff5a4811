namespace Spx.Research.Reporting;

/// <summary>
/// Look of markers or bars (plotly <c>marker</c>). <see cref="Colors"/> colours each point on its own — volume
/// bars green on up bars and red on down bars — and wins over <see cref="Color"/>.
/// </summary>
public sealed record MarkerStyle
{
    /// <summary>One CSS colour for every point.</summary>
    public string? Color { get; init; }

    /// <summary>One CSS colour per point, in point order.</summary>
    public IReadOnlyList<string>? Colors { get; init; }

    /// <summary>Marker diameter in pixels (scatter only).</summary>
    public double? Size { get; init; }

    /// <summary>plotly symbol name such as <c>circle</c>, <c>square</c>, <c>diamond</c>, <c>x</c> (scatter only).</summary>
    public string? Symbol { get; init; }

    /// <summary>Opacity 0–1.</summary>
    public double? Opacity { get; init; }

    internal void WriteTo(PlotlyJsonWriter writer, string name)
    {
        writer.StartObject(name);
        if (Colors is not null)
            writer.Texts("color", Colors);
        else
            writer.Text("color", Color);
        writer.Number("size", Size);
        writer.Text("symbol", Symbol);
        writer.Number("opacity", Opacity);
        writer.EndObject();
    }
}
