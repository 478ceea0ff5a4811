using System.Text.Json;
using Spx.Research.Lake;

namespace Spx.Research.Dashboard.Api;

/// <summary>
/// <c>/api/alerts</c>: stored alerts, newest first (default 200). Takes <c>?session=</c>, <c>?expiry=</c>,
/// <c>?ticker=</c>, <c>?rule=</c>, <c>?limit=</c>.
/// </summary>
internal static class AlertsEndpoint
{
    /// <summary>Alerts returned without <c>?limit=</c>.</summary>
    public const int DefaultLimit = 200;

    public static void Write(Utf8JsonWriter json, LakeSession lake, ApiQuery query)
    {
        var where = (query.Session is { } session ? $"date = {SqlText.Date(session)}" : "true") + Filters.Sql(query, "expiry", "ticker", "rule");
        json.WriteStartObject();
        json.WritePropertyName("rows");
        JsonRows.WriteArray(json, JsonRows.Query(lake, $"""
            SELECT poll_ts, session, rule, ticker, expiry, strike, spot, day_volume, volume_delta,
                   comparison_volume, comparison_source, premium, message
            FROM alerts WHERE {where}
            ORDER BY poll_ts DESC, ticker, rule
            LIMIT {query.Limit ?? DefaultLimit}
            """));
        json.WriteEndObject();
    }
}
