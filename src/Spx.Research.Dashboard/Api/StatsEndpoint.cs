using System.Text.Json;
using Spx.Research.Lake;
using Spx.Research.Monitor;

namespace Spx.Research.Dashboard.Api;

/// <summary>
/// <c>/api/stats</c>: what the lake holds for the monitor (partitions, files, rows, bytes and dates per dataset,
/// from Parquet footers), the newest session's totals, and any partition left out as unreadable.
/// </summary>
internal static class StatsEndpoint
{
    public static void Write(Utf8JsonWriter json, LakeSession lake)
    {
        var monitor = MonitorDatasets.All.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var latest = LatestPoll.Find(lake);
        json.WriteStartObject();
        json.WriteStartArray("datasets");
        foreach (var info in lake.Info().Where(i => monitor.Contains(i.Dataset)))
        {
            json.WriteStartObject();
            json.WriteString("dataset", info.Dataset);
            json.WriteNumber("partitions", info.Partitions);
            json.WriteNumber("files", info.Files);
            json.WriteNumber("rows", info.Rows);
            json.WriteNumber("bytes", info.Bytes);
            json.WritePropertyName("first_date");
            JsonRows.WriteValue(json, info.FirstDate);
            json.WritePropertyName("last_date");
            JsonRows.WriteValue(json, info.LastDate);
            json.WriteNumber("quarantined_rows", info.QuarantinedRows);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WritePropertyName("session");
        if (latest is null)
        {
            json.WriteNullValue();
        }
        else
        {
            var day = SqlText.Date(latest.Session);
            var totals = JsonRows.Query(lake, $"""
                SELECT {day} AS session,
                       (SELECT CAST(count(DISTINCT poll_ts) AS BIGINT) FROM monitor_polls WHERE date = {day}) AS polls,
                       (SELECT CAST(count(*) AS BIGINT) FROM monitor_polls WHERE date = {day} AND poll_ts = {SqlText.Instant(latest.PollTs)}) AS contracts,
                       (SELECT CAST(coalesce(sum(day_volume), 0) AS BIGINT) FROM monitor_polls WHERE date = {day} AND poll_ts = {SqlText.Instant(latest.PollTs)}) AS day_volume,
                       (SELECT CAST(count(*) AS BIGINT) FROM alerts WHERE date = {day}) AS alerts
                """);
            JsonRows.WriteObject(json, totals.Names, totals.Rows[0]);
        }

        json.WriteStartArray("warnings");
        foreach (var warning in lake.Warnings) json.WriteStringValue(warning);
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
