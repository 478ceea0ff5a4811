using System.Text.Json;
using Spx.Research.Lake;

namespace Spx.Research.Dashboard.Api;

/// <summary>
/// <c>/api/intraday/latest</c>: every contract of the newest poll; <c>/api/intraday</c>: every poll of a session
/// (default: the newest poll's), one row per contract per poll, for the sparklines. Both take <c>?expiry=</c>
/// and <c>?ticker=</c>; <c>/api/intraday</c> also <c>?session=</c>.
/// </summary>
internal static class IntradayEndpoints
{
    private const string ContractColumns =
        "ticker, root, expiry, option_right, strike, spot, day_volume, volume_delta, open_interest, bid, ask, last_price, day_vwap, iv, delta, gamma, theta, vega";

    /// <summary>The newest poll: <c>{ poll_ts, session, rows: [...] }</c> (nulls and no rows when nothing is polled yet).</summary>
    public static void Latest(Utf8JsonWriter json, LakeSession lake, ApiQuery query)
    {
        var latest = LatestPoll.Find(lake);
        json.WriteStartObject();
        WritePoll(json, latest);
        json.WritePropertyName("rows");
        if (latest is null)
        {
            json.WriteStartArray();
            json.WriteEndArray();
        }
        else
        {
            JsonRows.WriteArray(json, JsonRows.Query(lake,
                $"SELECT {ContractColumns} FROM monitor_polls WHERE date = {SqlText.Date(latest.Session)} AND poll_ts = {SqlText.Instant(latest.PollTs)}"
                + Filters.Sql(query, "expiry", "ticker") + " ORDER BY expiry, strike, ticker"));
        }
        json.WriteEndObject();
    }

    /// <summary>A session's polls: <c>{ session, polls: [instants], rows: [{ poll_ts, ticker, expiry, strike, day_volume, volume_delta }] }</c>.</summary>
    public static void Session(Utf8JsonWriter json, LakeSession lake, ApiQuery query)
    {
        var session = query.Session ?? LatestPoll.Find(lake)?.Session;
        json.WriteStartObject();
        json.WritePropertyName("session");
        JsonRows.WriteValue(json, session);
        var where = session is { } day ? $"date = {SqlText.Date(day)}" + Filters.Sql(query, "expiry", "ticker") : "false";
        json.WritePropertyName("polls");
        json.WriteStartArray();
        foreach (var poll in JsonRows.Query(lake, $"SELECT DISTINCT poll_ts FROM monitor_polls WHERE {where} ORDER BY poll_ts").Rows)
            JsonRows.WriteValue(json, poll[0]);
        json.WriteEndArray();
        json.WritePropertyName("rows");
        JsonRows.WriteArray(json, JsonRows.Query(lake,
            $"SELECT poll_ts, ticker, expiry, strike, day_volume, volume_delta FROM monitor_polls WHERE {where} ORDER BY ticker, poll_ts"));
        json.WriteEndObject();
    }

    /// <summary>
    /// <c>/api/intraday/series</c>: the same session's day volume per contract as one array aligned with
    /// <c>polls</c> (null where the contract was not in a poll): <c>{ session, polls, series: { ticker: [...] } }</c>.
    /// What the sparklines draw, at a fraction of <c>/api/intraday</c>'s size (a full day is ~30,000 rows).
    /// </summary>
    public static void Series(Utf8JsonWriter json, LakeSession lake, ApiQuery query)
    {
        var session = query.Session ?? LatestPoll.Find(lake)?.Session;
        var where = session is { } day ? $"date = {SqlText.Date(day)}" + Filters.Sql(query, "expiry", "ticker") : "false";
        var rows = JsonRows.Query(lake, $"SELECT ticker, epoch_us(poll_ts), day_volume FROM monitor_polls WHERE {where} ORDER BY ticker, poll_ts").Rows;
        var polls = rows.Select(r => (long)r[1]!).Distinct().Order().ToArray();
        var column = polls.Select((micros, i) => (micros, i)).ToDictionary(p => p.micros, p => p.i);

        json.WriteStartObject();
        json.WritePropertyName("session");
        JsonRows.WriteValue(json, session);
        json.WriteStartArray("polls");
        foreach (var micros in polls) json.WriteStringValue(JsonRows.Instant(LatestPoll.FromMicros(micros)));
        json.WriteEndArray();
        json.WriteStartObject("series");
        foreach (var contract in rows.GroupBy(r => (string)r[0]!))
        {
            var volumes = new long?[polls.Length];
            foreach (var row in contract) volumes[column[(long)row[1]!]] = (long)row[2]!;
            json.WriteStartArray(contract.Key);
            foreach (var volume in volumes) JsonRows.WriteValue(json, volume);
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary><c>poll_ts</c> and <c>session</c> of <paramref name="latest"/> (nulls for none).</summary>
    public static void WritePoll(Utf8JsonWriter json, LatestPoll? latest)
    {
        json.WritePropertyName("poll_ts");
        JsonRows.WriteValue(json, latest?.PollTs);
        json.WritePropertyName("session");
        JsonRows.WriteValue(json, latest?.Session);
    }
}
