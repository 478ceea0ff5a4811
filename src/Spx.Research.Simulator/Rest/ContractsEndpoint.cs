using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Microsoft.AspNetCore.Http;
using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Simulator.Http;

namespace Spx.Research.Simulator.Rest;

/// <summary>
/// <c>/v3/reference/options/contracts</c> and <c>/{options_ticker}</c> from <c>option_contracts</c>: <c>as_of</c>
/// picks the partition of that date (or the latest before it; default the simulated clock's New York date).
/// An index underlying (<c>SPX</c> or <c>I:SPX</c>) returns both SPX and SPXW roots, as the live API does.
/// </summary>
public sealed class ContractsEndpoint(LakeGate lake, SimulatedClock clock)
{
    /// <summary>Default and maximum page size.</summary>
    public const int DefaultLimit = 10, MaxLimit = 1000;

    private const string Columns = "ticker, underlying, expiry, option_right, strike, exercise_style, shares_per_contract, primary_exchange, cfi";

    private static readonly Dictionary<string, string> Sorts = new(StringComparer.Ordinal)
    {
        ["ticker"] = "ticker", ["underlying_ticker"] = "underlying", ["expiration_date"] = "expiry", ["strike_price"] = "strike",
    };

    /// <summary>The last session the answer reads: <c>as_of</c> (default the simulated clock's date).</summary>
    public DateOnly Reads(HttpContext context, RestQuery query) => AsOf(query);

    /// <summary>The list.</summary>
    public RestPage List(HttpContext context, RestQuery query)
    {
        var limit = query.Limit(DefaultLimit, MaxLimit);
        var asOf = AsOf(query);
        var conditions = new List<string> { Partition(asOf) };
        if (query["underlying_ticker"] is { } underlying) conditions.Add($"underlying = {SqlText.Literal(Underlying(underlying))}");
        conditions.AddRange(RangeFilter.ContractType(query));
        conditions.AddRange(RangeFilter.Dates(query, "expiration_date", "expiry"));
        conditions.AddRange(RangeFilter.Numbers(query, "strike_price", "strike"));
        conditions.Add(string.Equals(query["expired"], "true", StringComparison.OrdinalIgnoreCase)
            ? $"expiry < {SqlText.Date(asOf)}" : $"expiry >= {SqlText.Date(asOf)}");
        var sql = $"SELECT {Columns} FROM option_contracts WHERE {RangeFilter.Where(conditions)} ORDER BY {RangeFilter.OrderBy(query, Sorts, "ticker")} {OffsetPaging.Sql(query, limit)}";
        var items = lake.Rows(sql, Item);
        var next = OffsetPaging.Next("/v3/reference/options/contracts", query, limit, items.Count, ("as_of", WireTime.Iso(asOf)));
        if (items.Count > limit) items.RemoveAt(limit);
        return new RestPage(new JsonObject { ["results"] = new JsonArray([.. items]), ["status"] = "OK", ["request_id"] = "" }, next);
    }

    /// <summary>One contract.</summary>
    public RestPage One(HttpContext context, RestQuery query)
    {
        var ticker = context.Request.RouteValues["ticker"]!.ToString()!;
        var asOf = AsOf(query);
        var items = lake.Rows($"SELECT {Columns} FROM option_contracts WHERE {Partition(asOf)} AND ticker = {SqlText.Literal(ticker)} LIMIT 1", Item);
        if (items.Count == 0) throw new BadRequestException("Options contract not found.", 404);
        return new RestPage(new JsonObject { ["results"] = items[0], ["status"] = "OK", ["request_id"] = "" });
    }

    /// <summary>SPX, I:SPX and SPXW all mean the SPX complex.</summary>
    public static string Underlying(string text)
    {
        return OptionTicker.UnderlyingOf(text.StartsWith("I:", StringComparison.Ordinal) ? text[2..] : text);
    }

    private DateOnly AsOf(RestQuery query) => query["as_of"] is { } text ? WireTime.Date(text, "as_of") : NewYorkTime.LocalDate(clock.Now);

    private static string Partition(DateOnly asOf) =>
        $"date = (SELECT max(date) FROM option_contracts WHERE date <= {SqlText.Date(asOf)})";

    private static JsonObject Item(DuckDBDataReader r)
    {
        var item = new JsonObject
        {
            ["cfi"] = r.OptString(8),
            ["contract_type"] = r.GetString(3) == "C" ? "call" : "put",
            ["exercise_style"] = r.OptString(5),
            ["expiration_date"] = WireTime.Iso(DateOnly.FromDateTime(r.GetDateTime(2))),
            ["primary_exchange"] = r.OptString(7),
            ["shares_per_contract"] = r.IsDBNull(6) ? 100 : r.GetInt64(6),
            ["strike_price"] = r.GetDouble(4),
            ["ticker"] = r.GetString(0),
            ["underlying_ticker"] = r.GetString(1),
        };
        foreach (var key in item.Where(p => p.Value is null).Select(p => p.Key).ToList()) item.Remove(key);
        return item;
    }
}
