using System.Text.Json.Serialization;

namespace Spx.Research.Polygon.Rest;

/// <summary>
/// The underlying of a snapshot contract. Stocks report <c>price</c>, indices (<c>I:SPX</c>) report
/// <c>value</c>; <see cref="Level"/> is whichever came.
/// </summary>
public sealed record UnderlyingAsset
{
    public string? Ticker { get; init; }

    public double? Price { get; init; }

    public double? Value { get; init; }

    public double? ChangeToBreakEven { get; init; }

    [JsonConverter(typeof(UnixTimeFlexibleConverter))]
    public DateTimeOffset? LastUpdated { get; init; }

    public string? Timeframe { get; init; }

    /// <summary><see cref="Price"/> for stock underlyings, <see cref="Value"/> for indices.</summary>
    [JsonIgnore]
    public double? Level => Price ?? Value;
}
