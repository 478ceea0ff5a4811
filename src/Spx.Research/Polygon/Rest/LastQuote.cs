using System.Text.Json.Serialization;

namespace Spx.Research.Polygon.Rest;

/// <summary>The latest NBBO of a snapshot (plans with quotes only).</summary>
public sealed record LastQuote
{
    public double? Ask { get; init; }

    public double? AskSize { get; init; }

    public int? AskExchange { get; init; }

    public double? Bid { get; init; }

    public double? BidSize { get; init; }

    public int? BidExchange { get; init; }

    public double? Midpoint { get; init; }

    [JsonConverter(typeof(UnixTimeFlexibleConverter))]
    public DateTimeOffset? LastUpdated { get; init; }

    /// <summary>DELAYED or REAL-TIME.</summary>
    public string? Timeframe { get; init; }
}
