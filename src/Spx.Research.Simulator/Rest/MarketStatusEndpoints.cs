using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Spx.Research.Market;
using Spx.Research.Simulator.Http;

namespace Spx.Research.Simulator.Rest;

/// <summary>
/// <c>/v1/marketstatus/now</c> and <c>/v1/marketstatus/upcoming</c> from the simulated clock and
/// <see cref="NyseCalendar"/>: the same answer the live API would have given at that simulated instant.
/// </summary>
public sealed class MarketStatusEndpoints(SimulatedClock clock)
{
    private static readonly TimeOnly PreMarket = new(4, 0), AfterHoursEnd = new(20, 0);

    /// <summary>Now (camelCase, no envelope).</summary>
    public RestPage Now(HttpContext context, RestQuery query)
    {
        var now = clock.Now;
        var local = NewYorkTime.ToLocal(now);
        var session = NyseCalendar.Default.GetSession(NewYorkTime.LocalDate(now));
        var early = session is { } s1 && now >= NewYorkTime.ToUtc(s1.Date, PreMarket) && now < s1.Open;
        var after = session is { } s2 && now >= s2.Close && now < NewYorkTime.ToUtc(s2.Date, AfterHoursEnd);
        var open = session is { } s3 && s3.Contains(now);
        var market = open ? "open" : early || after ? "extended-hours" : "closed";
        var exchange = open ? "open" : early || after ? "extended-hours" : "closed";
        var body = new JsonObject
        {
            ["afterHours"] = after,
            ["currencies"] = new JsonObject { ["crypto"] = "open", ["fx"] = local.DayOfWeek is DayOfWeek.Saturday ? "closed" : "open" },
            ["earlyHours"] = early,
            ["exchanges"] = new JsonObject { ["nasdaq"] = exchange, ["nyse"] = exchange, ["otc"] = exchange },
            ["indicesGroups"] = new JsonObject
            {
                ["s_and_p"] = open ? "open" : "closed", ["societe_generale"] = open ? "open" : "closed", ["cgi"] = open ? "open" : "closed",
                ["msci"] = open ? "open" : "closed", ["ftse_russell"] = open ? "open" : "closed", ["mstar"] = open ? "open" : "closed",
                ["mstarc"] = open ? "open" : "closed", ["cccy"] = "open", ["nasdaq"] = open ? "open" : "closed", ["dow_jones"] = open ? "open" : "closed",
            },
            ["market"] = market,
            ["serverTime"] = local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        };
        return new RestPage(body);
    }

    /// <summary>Upcoming closures and early closes for a year ahead: a bare array.</summary>
    public RestPage Upcoming(HttpContext context, RestQuery query)
    {
        var today = NewYorkTime.LocalDate(clock.Now);
        var last = today.AddYears(1) > NyseCalendar.LastDate ? NyseCalendar.LastDate : today.AddYears(1);
        var items = new JsonArray();
        foreach (var holiday in NyseCalendar.Default.Holidays(today, last))
        {
            foreach (var exchange in new[] { "NYSE", "NASDAQ", "OTC" })
            {
                var item = new JsonObject
                {
                    ["date"] = WireTime.Iso(holiday.Date),
                    ["exchange"] = exchange,
                    ["name"] = holiday.Name,
                    ["status"] = holiday.IsClosed ? "closed" : "early-close",
                };
                if (!holiday.IsClosed && holiday.EarlyCloseEt is { } close)
                {
                    item["open"] = IsoMs(NewYorkTime.ToUtc(holiday.Date, NyseCalendar.RegularOpenEt));
                    item["close"] = IsoMs(NewYorkTime.ToUtc(holiday.Date, close));
                }
                items.Add(item);
            }
        }
        return new RestPage(items);
    }

    private static string IsoMs(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
