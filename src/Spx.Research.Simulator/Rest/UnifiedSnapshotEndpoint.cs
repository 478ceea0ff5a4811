using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Simulator.Http;

namespace Spx.Research.Simulator.Rest;

/// <summary>
/// <c>/v3/snapshot?ticker.any_of=…</c>: options from the latest chain poll, indices and stocks from their
/// latest minute bar at or before the simulated clock. A ticker the lake does not know becomes a
/// per-ticker <c>NOT_FOUND</c> item inside the 200, as the live API does.
/// </summary>
public sealed class UnifiedSnapshotEndpoint(LakeGate lake, SimulatedClock clock, ChainSnapshotEndpoint chain)
{
    /// <summary>Default and maximum page size.</summary>
    public const int DefaultLimit = 10, MaxLimit = 250;

    /// <summary>Answers one request.</summary>
    public RestPage Handle(HttpContext context, RestQuery query)
    {
        var limit = query.Limit(DefaultLimit, MaxLimit);
        var tickers = (query["ticker.any_of"] ?? query["ticker"] ?? "")
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (tickers.Count > 250) throw new BadRequestException("ticker.any_of accepts at most 250 tickers.");
        var page = tickers.Skip(query.Offset).Take(limit + 1).ToList();
        var next = OffsetPaging.Next("/v3/snapshot", query, limit, page.Count);
        // The latest poll is looked up once per underlying, not once per contract: a batch holds up to 250.
        var polls = new Dictionary<string, long?>(StringComparer.Ordinal);
        var items = page.Take(limit).Select(t => Item(t, polls)).ToList();
        return new RestPage(new JsonObject { ["results"] = new JsonArray([.. items]), ["status"] = "OK", ["request_id"] = "" }, next);
    }

    private JsonObject Item(string ticker, Dictionary<string, long?> polls)
    {
        JsonObject? found = null;
        if (OptionTicker.TryParse(ticker, out var option))
        {
            var underlying = option.Underlying;
            if (!polls.TryGetValue(underlying, out var poll)) polls[underlying] = poll = chain.LatestPoll(underlying);
            if (poll is { } ms && chain.One(underlying, ticker, ms) is { } item)
            {
                found = new JsonObject { ["ticker"] = ticker, ["type"] = "options", ["market_status"] = Status() };
                foreach (var (key, value) in item.ToList()) { item.Remove(key); found[key] = value; }
            }
        }
        else
        {
            found = Bars(ticker);
        }
        return found ?? new JsonObject { ["ticker"] = ticker, ["error"] = "NOT_FOUND", ["message"] = "Ticker not found." };
    }

    private JsonObject? Bars(string ticker)
    {
        var now = clock.Now;
        var isIndex = ticker.StartsWith("I:", StringComparison.Ordinal);
        var view = isIndex ? "index_bars_1m" : "stock_bars_1m";
        var volume = isIndex ? "NULL" : "CAST(sum(volume) AS DOUBLE)";
        var date = NewYorkTime.LocalDate(now);
        var rows = lake.Rows($"""
            WITH day AS (SELECT * FROM {view} WHERE ticker = {SqlText.Literal(ticker)} AND ts <= {SqlText.Instant(now)}
                         AND date = (SELECT max(date) FROM {view} WHERE ticker = {SqlText.Literal(ticker)} AND date <= {SqlText.Date(date)}))
            SELECT first(open ORDER BY ts), max(high), min(low), last(close ORDER BY ts), {volume}, epoch_ms(max(ts)), count(*) FROM day
            """, r => r.GetInt64(6) == 0 ? null : new
            {
                Open = r.GetDouble(0), High = r.GetDouble(1), Low = r.GetDouble(2), Close = r.GetDouble(3),
                Volume = r.IsDBNull(4) ? (double?)null : r.GetDouble(4), Ms = r.GetInt64(5),
            });
        if (rows is not [{ } bar]) return null;
        var session = new JsonObject { ["open"] = bar.Open, ["high"] = bar.High, ["low"] = bar.Low, ["close"] = bar.Close };
        var item = new JsonObject
        {
            ["ticker"] = ticker,
            ["type"] = isIndex ? "indices" : "stocks",
            ["name"] = ticker,
            ["market_status"] = Status(),
        };
        if (isIndex)
        {
            item["value"] = bar.Close;
        }
        else
        {
            session["volume"] = bar.Volume;
            session["price"] = bar.Close;
            item["last_trade"] = new JsonObject { ["price"] = bar.Close, ["sip_timestamp"] = WireTime.Ns(DateTimeOffset.FromUnixTimeMilliseconds(bar.Ms)) };
        }
        item["session"] = session;
        return item;
    }

    private string Status() => NyseCalendar.Default.IsOpen(clock.Now) ? "open" : "closed";
}
