using System.Text.Json.Serialization;

namespace Spx.Research.Polygon.Rest;

/// <summary>The latest trade of a snapshot (plans with trades only).</summary>
public sealed record LastTrade
{
    public string? Id { get; init; }

    public double? Price { get; init; }

    public double? Size { get; init; }

    public int? Exchange { get; init; }

    public IReadOnlyList<int>? Conditions { get; init; }

    [JsonConverter(typeof(UnixTimeFlexibleConverter))]
    public DateTimeOffset? SipTimestamp { get; init; }

    [JsonConverter(typeof(UnixTimeFlexibleConverter))]
    public DateTimeOffset? ParticipantTimestamp { get; init; }

    [JsonConverter(typeof(UnixTimeFlexibleConverter))]
    public DateTimeOffset? LastUpdated { get; init; }

    /// <summary>DELAYED or REAL-TIME.</summary>
    public string? Timeframe { get; init; }
}
