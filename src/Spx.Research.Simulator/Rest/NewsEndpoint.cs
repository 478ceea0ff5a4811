using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Spx.Research.Lake;
using Spx.Research.Simulator.Http;

namespace Spx.Research.Simulator.Rest;

/// <summary><c>/v2/reference/news</c> from the <c>news</c> dataset; sentiment becomes one insight per ticker.</summary>
public sealed class NewsEndpoint(LakeGate lake)
{
    /// <summary>Default and maximum page size.</summary>
    public const int DefaultLimit = 10, MaxLimit = 1000;

    /// <summary>
    /// The last session the answer reads: the day after the <c>published_utc</c> upper bound (=, .lte, .lt), since a
    /// session's news can carry the next UTC date; with no upper bound, every session (the default sort is newest first).
    /// </summary>
    public static DateOnly Reads(HttpContext context, RestQuery query)
    {
        DateOnly? bound = null;
        foreach (var suffix in new[] { "", ".lte", ".lt" })
        {
            if (query["published_utc" + suffix] is not { } text) continue;
            var (isDate, day, instant) = Published(text, suffix);
            var date = isDate ? day : DateOnly.FromDateTime(instant.UtcDateTime);
            bound = bound is { } b && b > date ? b : date;
        }
        return bound is { } last ? last.AddDays(1) : DateOnly.MaxValue;
    }

    /// <summary>Answers one request.</summary>
    public RestPage Handle(HttpContext context, RestQuery query)
    {
        var limit = query.Limit(DefaultLimit, MaxLimit);
        var conditions = new List<string>();
        if (query["ticker"] is { } ticker) conditions.Add($"list_contains(tickers, {SqlText.Literal(ticker)})");
        foreach (var (suffix, op) in RangeFilter.Operators)
        {
            if (query["published_utc" + suffix] is not { } text) continue;
            var (isDate, date, instant) = Published(text, suffix);
            conditions.Add(isDate
                ? $"CAST(published_utc AT TIME ZONE 'UTC' AS DATE) {op} {SqlText.Date(date)}"
                : $"published_utc {op} {SqlText.Instant(instant)}");
        }
        var order = RangeFilter.OrderBy(query, new Dictionary<string, string> { ["published_utc"] = "published_utc" }, "published_utc", "desc", tieBreak: "id");
        var sql = $"""
            SELECT id, published_utc, tickers, title, description, article_url, publisher, author, keywords, sentiment, sentiment_reasoning
            FROM news WHERE {RangeFilter.Where(conditions)} ORDER BY {order} {OffsetPaging.Sql(query, limit)}
            """;
        var items = lake.Rows(sql, r =>
        {
            var tickers = Strings(r.GetValue(2));
            var publisher = r.OptString(6) ?? "Simulated Wire";
            var slug = new string(publisher.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
            var item = new JsonObject
            {
                ["id"] = r.GetString(0),
                ["publisher"] = new JsonObject
                {
                    ["name"] = publisher,
                    ["homepage_url"] = $"https://{slug}.example/",
                    ["logo_url"] = $"https://{slug}.example/logo.svg",
                    ["favicon_url"] = $"https://{slug}.example/favicon.ico",
                },
                ["title"] = r.GetString(3),
                ["author"] = r.OptString(7) ?? publisher,
                ["published_utc"] = WireTime.Iso(new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(1), DateTimeKind.Utc))),
                ["article_url"] = r.OptString(5) ?? $"https://news.example/{r.GetString(0)}",
                ["tickers"] = new JsonArray([.. tickers.Select(t => (JsonNode?)t)]),
            };
            if (r.OptString(4) is { } description) item["description"] = description;
            if (!r.IsDBNull(8)) item["keywords"] = new JsonArray([.. Strings(r.GetValue(8)).Select(k => (JsonNode?)k)]);
            if (r.OptString(9) is { } sentiment)
            {
                item["insights"] = new JsonArray([.. tickers.Select(t => (JsonNode?)new JsonObject
                {
                    ["ticker"] = t, ["sentiment"] = sentiment, ["sentiment_reasoning"] = r.OptString(10) ?? "",
                })]);
            }
            return item;
        });
        var next = OffsetPaging.Next("/v2/reference/news", query, limit, items.Count);
        if (items.Count > limit) items.RemoveAt(limit);
        return new RestPage(new JsonObject
        {
            ["results"] = new JsonArray([.. items]), ["status"] = "OK", ["request_id"] = "", ["count"] = items.Count,
        }, next);
    }

    /// <summary>A <c>published_utc</c> filter value: a date (<c>IsDate</c>) or an instant.</summary>
    private static (bool IsDate, DateOnly Date, DateTimeOffset Instant) Published(string text, string suffix) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? (true, date, default)
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? (false, default, instant)
        : throw new BadRequestException($"Could not parse published_utc{suffix} '{text}'.");

    private static List<string> Strings(object value) => value switch
    {
        IEnumerable<string> strings => [.. strings],
        System.Collections.IEnumerable items => [.. items.Cast<object?>().Select(o => o?.ToString() ?? "")],
        _ => [value.ToString() ?? ""],
    };
}
