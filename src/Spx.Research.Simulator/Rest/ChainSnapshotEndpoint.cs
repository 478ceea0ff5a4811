using System.Globalization;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Microsoft.AspNetCore.Http;
using Spx.Research.Lake;
using Spx.Research.Simulator.Http;

namespace Spx.Research.Simulator.Rest;

/// <summary>
/// <c>/v3/snapshot/options/{underlying}</c> (and <c>/{contract}</c>) from <c>chain_snapshots</c>: the latest poll
/// at or before the simulated clock (15 minutes earlier when delayed). The poll instant is pinned in the cursor,
/// so paging through a chain never mixes two polls even while the clock moves.
/// </summary>
public sealed class ChainSnapshotEndpoint(LakeGate lake, SimulatedClock clock, SimulatorOptions options)
{
    /// <summary>Default and maximum page size.</summary>
    public const int DefaultLimit = 10, MaxLimit = 250;

    internal const string Columns =
        "ticker, underlying, expiry, option_right, strike, CAST(day_volume AS DOUBLE), CAST(open_interest AS DOUBLE), iv, delta, gamma, theta, vega, underlying_price, bid, ask, bid_size, ask_size, last_price, day_vwap, day_close, epoch_ms(snapshot_ts)";

    private static readonly Dictionary<string, string> Sorts = new(StringComparer.Ordinal)
    {
        ["ticker"] = "ticker", ["expiration_date"] = "expiry", ["strike_price"] = "strike",
    };

    /// <summary>The last session the answer reads: the date of the pinned poll on later pages, else of the visible "now".</summary>
    public DateOnly Reads(HttpContext context, RestQuery query) => Spx.Research.Market.NewYorkTime.LocalDate(
        query["snap"] is { } pinned ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(pinned, CultureInfo.InvariantCulture)) : Visible());

    /// <summary>The chain.</summary>
    public RestPage Chain(HttpContext context, RestQuery query)
    {
        var underlying = ContractsEndpoint.Underlying(context.Request.RouteValues["underlying"]!.ToString()!);
        var limit = query.Limit(DefaultLimit, MaxLimit);
        var snapshot = query["snap"] is { } pinned ? long.Parse(pinned, CultureInfo.InvariantCulture) : LatestPoll(underlying);
        var items = new List<JsonObject>();
        string? next = null;
        if (snapshot is { } ms)
        {
            var conditions = new List<string> { $"underlying = {SqlText.Literal(underlying)}", PollCondition(ms) };
            conditions.AddRange(RangeFilter.ContractType(query));
            conditions.AddRange(RangeFilter.Dates(query, "expiration_date", "expiry"));
            conditions.AddRange(RangeFilter.Numbers(query, "strike_price", "strike"));
            items = lake.Rows(
                $"SELECT {Columns} FROM chain_snapshots WHERE {RangeFilter.Where(conditions)} ORDER BY {RangeFilter.OrderBy(query, Sorts, "ticker")} {OffsetPaging.Sql(query, limit)}",
                r => Item(r, options.Delayed));
            next = OffsetPaging.Next(context.Request.Path, query, limit, items.Count, ("snap", ms.ToString(CultureInfo.InvariantCulture)));
            if (items.Count > limit) items.RemoveAt(limit);
        }
        return new RestPage(new JsonObject { ["results"] = new JsonArray([.. items]), ["status"] = "OK", ["request_id"] = "" }, next);
    }

    /// <summary>One contract of the chain.</summary>
    public RestPage Contract(HttpContext context, RestQuery query)
    {
        var underlying = ContractsEndpoint.Underlying(context.Request.RouteValues["underlying"]!.ToString()!);
        var ticker = context.Request.RouteValues["contract"]!.ToString()!;
        var item = (LatestPoll(underlying) is { } poll ? One(underlying, ticker, poll) : null) ?? throw new BadRequestException("Options contract not found.", 404);
        return new RestPage(new JsonObject { ["results"] = item, ["status"] = "OK", ["request_id"] = "" });
    }

    /// <summary>One contract at the poll <paramref name="ms"/> (from <see cref="LatestPoll"/>), or null; used by the unified snapshot too.</summary>
    public JsonObject? One(string underlying, string ticker, long ms)
    {
        var rows = lake.Rows(
            $"SELECT {Columns} FROM chain_snapshots WHERE underlying = {SqlText.Literal(underlying)} AND {PollCondition(ms)} AND ticker = {SqlText.Literal(ticker)}",
            r => Item(r, options.Delayed));
        return rows.Count > 0 ? rows[0] : null;
    }

    /// <summary>The instant (ms) of the latest poll visible now, or null before the first.</summary>
    public long? LatestPoll(string underlying)
    {
        var visible = Visible();
        var date = Spx.Research.Market.NewYorkTime.LocalDate(visible);
        return lake.Scalar<long?>(
            $"SELECT epoch_ms(max(snapshot_ts)) FROM chain_snapshots WHERE underlying = {SqlText.Literal(underlying)} AND snapshot_ts <= {SqlText.Instant(visible)} AND date BETWEEN {SqlText.Date(date.AddDays(-7))} AND {SqlText.Date(date)}");
    }

    /// <summary>The simulated clock, 15 minutes back when delayed: the latest instant a poll may be from.</summary>
    private DateTimeOffset Visible() => clock.Now - (options.Delayed ? TimeSpan.FromMinutes(15) : TimeSpan.Zero);

    private static string PollCondition(long ms)
    {
        var instant = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        var date = Spx.Research.Market.NewYorkTime.LocalDate(instant);
        return $"snapshot_ts = {SqlText.Instant(instant)} AND date = {SqlText.Date(date)}";
    }

    /// <summary>Maps a <c>chain_snapshots</c> row (<see cref="Columns"/>) to Polygon's snapshot item.</summary>
    internal static JsonObject Item(DuckDBDataReader r, bool delayed)
    {
        var ticker = r.GetString(0);
        var isCall = r.GetString(3) == "C";
        var strike = r.GetDouble(4);
        var updatedNs = r.GetInt64(20) * 1_000_000;
        var timeframe = delayed ? "DELAYED" : "REAL-TIME";
        var isIndex = r.GetString(1) is "SPX" or "VIX" or "NDX" or "RUT";
        var item = new JsonObject();
        var bid = r.OptDouble(13);
        var ask = r.OptDouble(14);
        double? mid = bid is { } b && ask is { } a ? Math.Round((b + a) / 2, 4) : null;
        var price = mid ?? r.OptDouble(17);
        if (price is { } p) item["break_even_price"] = Math.Round(isCall ? strike + p : strike - p, 4);
        var day = new JsonObject();
        day.Double("close", r, 19).Double("volume", r, 5).Double("vwap", r, 18);
        day["last_updated"] = updatedNs;
        item["day"] = day;
        item["details"] = new JsonObject
        {
            ["contract_type"] = isCall ? "call" : "put",
            ["exercise_style"] = isIndex ? "european" : "american",
            ["expiration_date"] = WireTime.Iso(DateOnly.FromDateTime(r.GetDateTime(2))),
            ["shares_per_contract"] = 100,
            ["strike_price"] = strike,
            ["ticker"] = ticker,
        };
        var greeks = new JsonObject();
        greeks.Double("delta", r, 8).Double("gamma", r, 9).Double("theta", r, 10).Double("vega", r, 11);
        if (greeks.Count > 0) item["greeks"] = greeks;
        item.Double("implied_volatility", r, 7);
        if (bid is not null || ask is not null)
        {
            var quote = new JsonObject();
            quote.Double("ask", r, 14).Double("ask_size", r, 16).Double("bid", r, 13).Double("bid_size", r, 15);
            if (mid is { } m) quote["midpoint"] = m;
            quote["last_updated"] = updatedNs;
            quote["timeframe"] = timeframe;
            item["last_quote"] = quote;
        }
        if (r.OptDouble(17) is { } last)
            item["last_trade"] = new JsonObject { ["price"] = last, ["sip_timestamp"] = updatedNs, ["timeframe"] = timeframe };
        item.Double("open_interest", r, 6);
        var underlying = new JsonObject { ["ticker"] = isIndex ? "I:" + r.GetString(1) : r.GetString(1) };
        if (r.OptDouble(12) is { } value)
        {
            underlying[isIndex ? "value" : "price"] = value;
            if (item["break_even_price"] is { } breakEven) underlying["change_to_break_even"] = Math.Round((double)breakEven - value, 4);
        }
        underlying["last_updated"] = updatedNs;
        underlying["timeframe"] = timeframe;
        item["underlying_asset"] = underlying;
        return item;
    }
}
