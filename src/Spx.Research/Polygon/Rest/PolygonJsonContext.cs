using System.Text.Json.Serialization;

namespace Spx.Research.Polygon.Rest;

/// <summary>
/// Source-generated (reflection-free) metadata for every Polygon REST model. snake_case by default; unknown
/// fields are skipped so additions on the server side never break decoding. Public so the simulator writes exactly
/// the shapes the client reads (<c>DefaultIgnoreCondition</c> leaves absent members out, as the server does).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PolygonPage<AggregateBar>))]
[JsonSerializable(typeof(PolygonPage<OptionsContract>))]
[JsonSerializable(typeof(PolygonSingle<OptionsContract>))]
[JsonSerializable(typeof(PolygonPage<OptionContractSnapshot>))]
[JsonSerializable(typeof(PolygonSingle<OptionContractSnapshot>))]
[JsonSerializable(typeof(PolygonPage<UnifiedSnapshotItem>))]
[JsonSerializable(typeof(UnifiedSnapshot))]
[JsonSerializable(typeof(PolygonPage<NewsArticle>))]
[JsonSerializable(typeof(MarketStatus))]
[JsonSerializable(typeof(List<UpcomingMarketDay>))]
[JsonSerializable(typeof(PolygonErrorBody))]
public sealed partial class PolygonJsonContext : JsonSerializerContext;
