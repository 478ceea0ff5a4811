using System.Text.Json;
using Spx.Research.Lake;

namespace Spx.Research.Dashboard.Api;

/// <summary>
/// <c>/api/expirations</c>: the expirations in the newest poll, each with its roots (SPX monthlies are
/// AM-settled, SPXW PM-settled), contract count, volume and days to expiry: what the page's filter offers.
/// </summary>
internal static class ExpirationsEndpoint
{
    public static void Write(Utf8JsonWriter json, LakeSession lake, ApiQuery query)
    {
        var latest = LatestPoll.Find(lake);
        json.WriteStartObject();
        IntradayEndpoints.WritePoll(json, latest);
        json.WritePropertyName("rows");
        var where = latest is null ? "false" : $"date = {SqlText.Date(latest.Session)} AND poll_ts = {SqlText.Instant(latest.PollTs)}";
        JsonRows.WriteArray(json, JsonRows.Query(lake, $"""
            SELECT expiry, string_agg(DISTINCT root, ',' ORDER BY root) AS roots,
                   CAST(count(*) AS BIGINT) AS contracts,
                   CAST(sum(day_volume) AS BIGINT) AS day_volume,
                   CAST(sum(volume_delta) AS BIGINT) AS volume_delta,
                   CAST(expiry - max(session) AS BIGINT) AS days_to_expiry
            FROM monitor_polls WHERE {where}
            GROUP BY expiry ORDER BY expiry
            """));
        json.WriteEndObject();
    }
}
