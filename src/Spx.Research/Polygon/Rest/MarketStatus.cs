using System.Text.Json.Serialization;

namespace Spx.Research.Polygon.Rest;

/// <summary>
/// <c>/v1/marketstatus/now</c>. This endpoint alone speaks camelCase. Group maps stay open-ended
/// dictionaries because the server adds exchanges and index families without notice.
/// </summary>
public sealed record MarketStatus
{
    /// <summary>open, closed or extended-hours.</summary>
    [JsonPropertyName("market")] public string? Market { get; init; }

    [JsonPropertyName("earlyHours")] public bool? EarlyHours { get; init; }

    [JsonPropertyName("afterHours")] public bool? AfterHours { get; init; }

    [JsonPropertyName("serverTime")] public DateTimeOffset? ServerTime { get; init; }

    /// <summary>nyse, nasdaq, otc → open/closed/extended-hours.</summary>
    [JsonPropertyName("exchanges")] public IReadOnlyDictionary<string, string>? Exchanges { get; init; }

    /// <summary>fx, crypto → status.</summary>
    [JsonPropertyName("currencies")] public IReadOnlyDictionary<string, string>? Currencies { get; init; }

    /// <summary>s_and_p, cgi, dow_jones, nasdaq, … → status.</summary>
    [JsonPropertyName("indicesGroups")] public IReadOnlyDictionary<string, string>? IndicesGroups { get; init; }
}
