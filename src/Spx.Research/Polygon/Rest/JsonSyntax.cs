using System.Text.Json;

namespace Spx.Research.Polygon.Rest;

/// <summary>
/// Tells a body that is not JSON at all from JSON of an unexpected shape. Only called after a decode failed,
/// so a good page is read once.
/// </summary>
internal static class JsonSyntax
{
    /// <summary>True when <paramref name="body"/> is one complete JSON value (whatever its shape).</summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
            }

            return reader.BytesConsumed > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
