using System.Text.Json;
using Spx.Research.Dashboard.Health;
using Spx.Research.Lake;

namespace Spx.Research.Dashboard.Api;

/// <summary>
/// <c>/api/health</c>: the monitor's status (<see cref="MonitorHealth"/>), the newest poll and its lag behind
/// now, and the market's state (<see cref="MarketState"/>) — what the page's two status dots show.
/// </summary>
internal static class HealthEndpoint
{
    public static void Write(Utf8JsonWriter json, LakeSession lake, DashboardOptions options)
    {
        var now = options.Clock.GetUtcNow();
        var latest = LatestPoll.Find(lake);
        var market = MarketState.At(now, options.Calendar);
        var health = MonitorHealth.Judge(now, latest?.PollTs, market, options.Monitor);

        json.WriteStartObject();
        json.WriteString("status", health.Status);
        json.WriteString("now", JsonRows.Instant(now));
        IntradayEndpoints.WritePoll(json, latest);
        json.WritePropertyName("lag_seconds");
        JsonRows.WriteValue(json, health.Lag is { } lag ? (long)Math.Floor(lag.TotalSeconds) : null);
        json.WriteNumber("poll_interval_seconds", (long)options.Monitor.PollInterval.TotalSeconds);
        json.WriteNumber("refresh_seconds", options.Dashboard.Refresh.TotalSeconds);
        json.WriteString("lake", options.LakeRoot);
        json.WriteStartArray("warnings");
        foreach (var warning in lake.Warnings) json.WriteStringValue(warning);
        json.WriteEndArray();

        json.WriteStartObject("market");
        json.WriteString("state", market.State);
        json.WriteString("date", JsonRows.Date(market.Date));
        json.WritePropertyName("open");
        JsonRows.WriteValue(json, market.Session?.Open);
        json.WritePropertyName("close");
        JsonRows.WriteValue(json, market.Session?.Close);
        json.WriteBoolean("early_close", market.Session?.IsEarlyClose ?? false);
        json.WritePropertyName("holiday");
        JsonRows.WriteValue(json, market.Holiday);
        json.WriteString("next_open", JsonRows.Instant(market.NextOpen));
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
