using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Simulator.Http;

namespace Spx.Research.Simulator.Rest;

/// <summary>
/// <c>/v2/aggs/ticker/{ticker}/range/{multiplier}/{timespan}/{from}/{to}</c>: seconds from <c>stock_bars_1s</c>,
/// everything else from the per-minute datasets (stocks, <c>I:</c> indices, <c>O:</c> options) re-bucketed in
/// SQL with <c>time_bucket</c> on New York wall time (day bars start at midnight ET). Paging is Polygon's: the
/// next page's <c>from</c> (or <c>to</c> when descending) becomes the next bar's ms, and the cursor holds limit and sort.
/// </summary>
public sealed class AggregatesEndpoint(LakeGate lake)
{
    /// <summary>Default and maximum page size.</summary>
    public const int DefaultLimit = 5000, MaxLimit = 50000;

    /// <summary>
    /// The last session the answer reads: the New York date of <c>to</c>, or, for buckets longer than a day
    /// (whose last bar can run past <c>to</c>), the date that bar ends on.
    /// </summary>
    public static DateOnly Reads(HttpContext context, RestQuery query)
    {
        var range = BarRange.Parse(context.Request.RouteValues);
        var last = range.ToExclusive.AddTicks(-1);
        return NewYorkTime.LocalDate(range.Span > TimeSpan.FromDays(1) ? last + range.Span : last);
    }

    /// <summary>Answers one request.</summary>
    public RestPage Handle(HttpContext context, RestQuery query)
    {
        var (ticker, multiplier, timespan, fromText, toText, interval, span, from, toExclusive) = BarRange.Parse(context.Request.RouteValues);
        var limit = query.Limit(DefaultLimit, MaxLimit);
        var descending = string.Equals(query["sort"], "desc", StringComparison.OrdinalIgnoreCase);
        var isIndex = ticker.StartsWith("I:", StringComparison.Ordinal);
        var isOption = ticker.StartsWith(OptionTicker.Prefix, StringComparison.Ordinal);
        var view = isIndex ? "index_bars_1m" : isOption ? "option_bars_1m" : timespan == "second" ? "stock_bars_1s" : "stock_bars_1m";
        var volumes = isIndex ? "NULL, NULL, NULL" : "CAST(sum(volume) AS DOUBLE), sum(vwap * volume) / nullif(sum(volume), 0), CAST(sum(trades) AS BIGINT)";
        var fromDate = NewYorkTime.LocalDate(from).AddDays(-1);
        var toDate = NewYorkTime.LocalDate(toExclusive).AddDays(1);
        var sql = $"""
            SELECT epoch_ms(b), first(open ORDER BY ts), max(high), min(low), last(close ORDER BY ts), {volumes}
            FROM (SELECT time_bucket(INTERVAL '{interval}', ts, 'America/New_York') AS b, * FROM {view}
                  WHERE ticker = {SqlText.Literal(ticker)} AND ts >= {SqlText.Instant(from)} AND ts < {SqlText.Instant(toExclusive + span)}
                    AND date BETWEEN {SqlText.Date(fromDate)} AND {SqlText.Date(toDate)})
            WHERE b >= {SqlText.Instant(from)} AND b < {SqlText.Instant(toExclusive)}
            GROUP BY b ORDER BY b {(descending ? "DESC" : "ASC")} LIMIT {limit + 1}
            """;
        var bars = lake.Rows(sql, r =>
        {
            var bar = new JsonObject
            {
                ["v"] = r.IsDBNull(5) ? null : r.GetDouble(5),
                ["vw"] = r.IsDBNull(6) ? null : Math.Round(r.GetDouble(6), 4),
                ["o"] = r.GetDouble(1),
                ["c"] = r.GetDouble(4),
                ["h"] = r.GetDouble(2),
                ["l"] = r.GetDouble(3),
                ["t"] = r.GetInt64(0),
                ["n"] = r.IsDBNull(7) ? null : r.GetInt64(7),
            };
            foreach (var name in new[] { "v", "vw", "n" }) if (bar[name] is null) bar.Remove(name);
            return bar;
        });

        string? next = null;
        if (bars.Count > limit)
        {
            var nextT = (long)bars[limit]["t"]!;
            bars.RemoveAt(limit);
            var cursor = new Dictionary<string, string> { ["limit"] = limit.ToString(CultureInfo.InvariantCulture), ["sort"] = descending ? "desc" : "asc" };
            if (query["adjusted"] is { } adjusted) cursor["adjusted"] = adjusted;
            var (nextFrom, nextTo) = descending ? (fromText, nextT.ToString(CultureInfo.InvariantCulture)) : (nextT.ToString(CultureInfo.InvariantCulture), toText);
            next = $"/v2/aggs/ticker/{Uri.EscapeDataString(ticker)}/range/{multiplier}/{timespan}/{nextFrom}/{nextTo}?cursor={PageCursor.Encode(cursor)}";
        }

        var body = new JsonObject
        {
            ["ticker"] = ticker,
            ["queryCount"] = bars.Count,
            ["resultsCount"] = bars.Count,
        };
        if (!isIndex) body["adjusted"] = !string.Equals(query["adjusted"], "false", StringComparison.OrdinalIgnoreCase);
        if (bars.Count > 0) body["results"] = new JsonArray([.. bars]);
        body["status"] = "OK";
        body["request_id"] = "";
        body["count"] = bars.Count;
        return new RestPage(body, next);
    }
}
