namespace Spx.Research.Simulator.Http;

/// <summary>A request the simulator refuses with Polygon's 400 body (<c>status: ERROR</c>, the reason in <c>error</c>).</summary>
public sealed class BadRequestException(string message, int status = 400) : Exception(message)
{
    /// <summary>HTTP status to answer with (400, or 404 for a missing item).</summary>
    public int Status { get; } = status;
}
