using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Spx.Research.Simulator.Http;

/// <summary>
/// Polygon-style opaque cursors: base64url of a query string that holds the whole query (filters, sort,
/// limit, and where the next page starts), so a client follows <c>next_url</c> without re-sending filters.
/// </summary>
public static class PageCursor
{
    /// <summary>Encodes <paramref name="values"/> as a cursor.</summary>
    public static string Encode(IEnumerable<KeyValuePair<string, string>> values) =>
        Base64UrlEncode(string.Join('&', values.Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value)}")));

    /// <summary>Decodes a cursor into its query values.</summary>
    /// <exception cref="FormatException">Not a cursor this simulator wrote.</exception>
    public static Dictionary<string, string> Decode(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor));
            return QueryHelpers.ParseQuery(text).ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
        }
        catch (Exception error) when (error is not FormatException)
        {
            throw new FormatException($"Cursor '{cursor}' is not valid.", error);
        }
    }

    private static string Base64UrlEncode(string text) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(text));
}
