using System.Text.Json.Serialization;

namespace Spx.Research.Polygon.Rest;

/// <summary>
/// One aggregate bar from <c>/v2/aggs</c>. Stock and option bars carry volume, VWAP and trade count; index bars
/// (<c>I:SPX</c>, <c>I:VIX</c>) have only OHLC and time, hence the nullable fields.
/// </summary>
/// <remarks>
/// A value, not an object: a page holds up to 50,000 bars, and as structs they sit in one array instead of
/// 50,000 heap objects the garbage collector must trace and promote while the page is being read.
/// Read and written by <see cref="AggregateBarConverter"/>; the attributes below name the wire fields.
/// </remarks>
[JsonConverter(typeof(AggregateBarConverter))]
public readonly record struct AggregateBar
{
    /// <summary>Start of the window (<c>t</c>, Unix ms). Daily bars start at midnight New York time.</summary>
    [JsonPropertyName("t"), JsonRequired, JsonConverter(typeof(UnixMillisecondsConverter))]
    public DateTimeOffset Start { get; init; }

    [JsonPropertyName("o"), JsonRequired] public double Open { get; init; }

    [JsonPropertyName("h"), JsonRequired] public double High { get; init; }

    [JsonPropertyName("l"), JsonRequired] public double Low { get; init; }

    [JsonPropertyName("c"), JsonRequired] public double Close { get; init; }

    /// <summary>Volume; fractional for some assets; null for indices.</summary>
    [JsonPropertyName("v")] public double? Volume { get; init; }

    /// <summary>Volume-weighted average price; null for indices.</summary>
    [JsonPropertyName("vw")] public double? Vwap { get; init; }

    /// <summary>Number of transactions; null for indices.</summary>
    [JsonPropertyName("n")] public long? Transactions { get; init; }

    /// <summary>Over-the-counter bar; the field is only sent when true.</summary>
    [JsonPropertyName("otc")] public bool Otc { get; init; }
}
