namespace Spx.Research.Polygon.Rest;

/// <summary>
/// Turns a server's <c>next_url</c> into the path and query we send to OUR base URI. The host is never trusted:
/// real responses have carried <c>api.polygon.io:443:443</c> (which <see cref="Uri"/> cannot even parse), explicit
/// <c>:443</c> ports and other hosts. Any <c>apiKey</c> parameter is dropped: the key goes in a header only.
/// </summary>
internal static class NextPageLink
{
    /// <summary>The path and query of <paramref name="nextUrl"/>; null when it has no usable path.</summary>
    public static string? ToPathAndQuery(string nextUrl)
    {
        var text = nextUrl.Trim();
        string rest;
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var slash = text.IndexOf('/', scheme + 3);
            if (slash < 0) return null;
            rest = text[slash..];
        }
        else if (text.StartsWith('/'))
        {
            rest = text;
        }
        else
        {
            return null;
        }

        var hash = rest.IndexOf('#');
        if (hash >= 0) rest = rest[..hash];
        var question = rest.IndexOf('?');
        if (question < 0) return rest;
        var kept = rest[(question + 1)..]
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("apiKey=", StringComparison.OrdinalIgnoreCase) && !p.Equals("apiKey", StringComparison.OrdinalIgnoreCase));
        var query = string.Join('&', kept);
        return query.Length == 0 ? rest[..question] : rest[..question] + "?" + query;
    }

    /// <summary>
    /// What identifies a page for loop detection: the whole path and query, not the cursor alone — an aggs
    /// cursor encodes only limit and sort and stays the same while <c>from</c> in the path advances.
    /// </summary>
    public static string Identity(string pathAndQuery) => Uri.UnescapeDataString(pathAndQuery);

    /// <summary>The path alone (for error messages and <see cref="PolygonApiException.Endpoint"/>).</summary>
    public static string PathOf(string pathAndQuery)
    {
        var question = pathAndQuery.IndexOf('?');
        return question < 0 ? pathAndQuery : pathAndQuery[..question];
    }
}
