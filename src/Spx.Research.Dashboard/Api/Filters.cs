using Spx.Research.Lake;

namespace Spx.Research.Dashboard.Api;

/// <summary>SQL conditions for the shared filters; every value goes through <see cref="SqlText"/>.</summary>
internal static class Filters
{
    /// <summary><c> AND expiry = …</c> etc. for the filters that are set (<paramref name="columns"/> names the ones this dataset has).</summary>
    public static string Sql(ApiQuery query, params string[] columns)
    {
        var conditions = new List<string>();
        if (query.Expiry is { } expiry && columns.Contains("expiry")) conditions.Add($"expiry = {SqlText.Date(expiry)}");
        if (query.Ticker is { } ticker && columns.Contains("ticker")) conditions.Add($"ticker = {SqlText.Literal(ticker)}");
        if (query.Rule is { } rule && columns.Contains("rule")) conditions.Add($"rule = {SqlText.Literal(rule)}");
        return string.Concat(conditions.Select(c => " AND " + c));
    }
}
