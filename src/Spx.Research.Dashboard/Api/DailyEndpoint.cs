using System.Text.Json;
using Spx.Research.Lake;

namespace Spx.Research.Dashboard.Api;

/// <summary>
/// <c>/api/daily</c>: the end-of-day rows of the last 7 sessions that have any (<c>monitor_daily</c>), with a
/// per-session summary. Takes <c>?expiry=</c>, <c>?ticker=</c>.
/// </summary>
internal static class DailyEndpoint
{
    /// <summary>Sessions shown.</summary>
    public const int Sessions = 7;

    public static void Write(Utf8JsonWriter json, LakeSession lake, ApiQuery query)
    {
        var filter = Filters.Sql(query, "expiry", "ticker");
        var recent = $"date IN (SELECT DISTINCT date FROM monitor_daily ORDER BY date DESC LIMIT {Sessions}){filter}";
        json.WriteStartObject();
        json.WritePropertyName("sessions");
        JsonRows.WriteArray(json, JsonRows.Query(lake, $"""
            SELECT session, CAST(count(*) AS BIGINT) AS contracts, CAST(sum(day_volume) AS BIGINT) AS day_volume,
                   max(poll_ts) AS last_poll, arg_max(spot, poll_ts) AS spot
            FROM monitor_daily WHERE {recent}
            GROUP BY session ORDER BY session
            """));
        json.WritePropertyName("rows");
        JsonRows.WriteArray(json, JsonRows.Query(lake, $"""
            SELECT session, poll_ts, ticker, root, expiry, strike, spot, day_volume, open_interest, last_price, iv, delta
            FROM monitor_daily WHERE {recent}
            ORDER BY session, expiry, strike, ticker
            """));
        json.WriteEndObject();
    }
}
