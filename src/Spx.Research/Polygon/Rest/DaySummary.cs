using System.Text.Json.Serialization;

namespace Spx.Research.Polygon.Rest;

/// <summary>
/// The day so far (<c>day</c> in chain snapshots, <c>session</c> in the unified snapshot). Extended-session
/// change fields are only in the unified snapshot.
/// </summary>
public sealed record DaySummary
{
    public double? Change { get; init; }

    public double? ChangePercent { get; init; }

    public double? Open { get; init; }

    public double? High { get; init; }

    public double? Low { get; init; }

    public double? Close { get; init; }

    public double? PreviousClose { get; init; }

    public double? Volume { get; init; }

    public double? Vwap { get; init; }

    /// <summary>Last price (unified snapshot <c>session.price</c>).</summary>
    public double? Price { get; init; }

    public double? EarlyTradingChange { get; init; }

    public double? EarlyTradingChangePercent { get; init; }

    public double? RegularTradingChange { get; init; }

    public double? RegularTradingChangePercent { get; init; }

    public double? LateTradingChange { get; init; }

    public double? LateTradingChangePercent { get; init; }

    /// <summary>ns in the spec, ms in some samples: both are read.</summary>
    [JsonConverter(typeof(UnixTimeFlexibleConverter))]
    public DateTimeOffset? LastUpdated { get; init; }
}
