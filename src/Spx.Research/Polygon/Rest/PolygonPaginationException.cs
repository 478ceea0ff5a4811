namespace Spx.Research.Polygon.Rest;

/// <summary>
/// The server's <c>next_url</c> led back to a cursor already followed (a real server bug, polygon-io/issues #289)
/// or could not be followed at all. Thrown instead of looping forever and re-yielding the same records.
/// </summary>
public sealed class PolygonPaginationException(string message, string endpoint, int pagesRead)
    : PolygonApiException(message, endpoint, 200)
{
    /// <summary>Pages read (and yielded) before the bad link.</summary>
    public int PagesRead { get; } = pagesRead;
}
