using System.Globalization;

namespace Spx.Research.Reporting;

/// <summary>
/// Colours of a heatmap: one of plotly's named scales, or explicit stops from 0 to 1. A string converts
/// implicitly to a named scale, so <c>ColorScale = "Viridis"</c> works.
/// </summary>
public sealed class ColorScale
{
    private ColorScale(string? name, IReadOnlyList<(double Position, string Color)>? stops)
    {
        Name = name;
        Stops = stops;
    }

    /// <summary>The named scale, or null for explicit stops.</summary>
    public string? Name { get; }

    /// <summary>The explicit stops, or null for a named scale.</summary>
    public IReadOnlyList<(double Position, string Color)>? Stops { get; }

    /// <summary>Perceptually uniform; a good default for implied volatility.</summary>
    public static ColorScale Viridis { get; } = Named("Viridis");

    /// <summary>Red–blue diverging, for signed values such as skew or a change since yesterday (set a mid value).</summary>
    public static ColorScale RdBu { get; } = Named("RdBu");

    /// <summary>Light to dark blue, for counts such as open interest.</summary>
    public static ColorScale Blues { get; } = Named("Blues");

    /// <summary>Yellow–orange–red, for heat such as unusual volume.</summary>
    public static ColorScale YlOrRd { get; } = Named("YlOrRd");

    /// <summary>A scale plotly.js knows by name (Viridis, Cividis, RdBu, Blues, YlOrRd, Portland, Jet, …).</summary>
    public static ColorScale Named(string name) =>
        string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A colour scale needs a name.", nameof(name)) : new(name, null);

    /// <summary>Explicit stops: positions from 0 to 1 in increasing order, each with a CSS colour; at least two.</summary>
    /// <exception cref="ArgumentException">Fewer than two stops, or positions not increasing from 0 to 1.</exception>
    public static ColorScale FromStops(params (double Position, string Color)[] stops)
    {
        if (stops.Length < 2 || stops[0].Position != 0 || stops[^1].Position != 1)
            throw new ArgumentException("A colour scale needs at least two stops, the first at 0 and the last at 1.", nameof(stops));
        for (var i = 1; i < stops.Length; i++)
        {
            if (!(stops[i].Position >= stops[i - 1].Position))
                throw new ArgumentException($"Colour scale stop positions must increase; {stops[i].Position.ToString(CultureInfo.InvariantCulture)} follows {stops[i - 1].Position.ToString(CultureInfo.InvariantCulture)}.", nameof(stops));
        }
        return new(null, stops.ToArray());
    }

    /// <summary>A named scale.</summary>
    public static implicit operator ColorScale(string name) => Named(name);

    /// <inheritdoc />
    public override string ToString() => Name ?? string.Join(", ", Stops!.Select(stop => $"{stop.Position.ToString(CultureInfo.InvariantCulture)} {stop.Color}"));

    internal void WriteTo(PlotlyJsonWriter writer, string name)
    {
        if (Name is not null)
        {
            writer.Text(name, Name);
            return;
        }
        writer.StartArray(name);
        foreach (var (position, color) in Stops!)
        {
            writer.StartArray();
            writer.Number(position);
            writer.Text(color);
            writer.EndArray();
        }
        writer.EndArray();
    }
}
