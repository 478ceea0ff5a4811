using System.Text.Json.Nodes;

namespace Spx.Research.Polygon.Tests;

/// <summary>Builds contract-list pages whose next_url points wherever a test wants.</summary>
internal static class Pages
{
    public const string ContractsPath = "/v3/reference/options/contracts";

    public static string Contracts(int page, string? nextUrl, int perPage = 2)
    {
        var results = new JsonArray();
        for (var i = 0; i < perPage; i++)
        {
            var strike = 5000 + page * 100 + i * 5;
            results.Add(new JsonObject
            {
                ["ticker"] = $"O:SPXW240315C{strike * 1000:00000000}",
                ["underlying_ticker"] = "SPX",
                ["contract_type"] = "call",
                ["strike_price"] = strike,
                ["expiration_date"] = "2024-03-15",
            });
        }

        var body = new JsonObject { ["status"] = "OK", ["request_id"] = $"p{page}", ["results"] = results };
        if (nextUrl is not null) body["next_url"] = nextUrl;
        return body.ToJsonString();
    }

    /// <summary>The cursor of a request, or null for the first page.</summary>
    public static string? CursorOf(string pathAndQuery)
    {
        var marker = pathAndQuery.IndexOf("cursor=", StringComparison.Ordinal);
        return marker < 0 ? null : pathAndQuery[(marker + 7)..].Split('&')[0];
    }
}
