using System.Text.Json.Serialization;

namespace Spx.Research.Polygon.Rest;

/// <summary>
/// One element of <c>/v1/marketstatus/upcoming</c> (a bare array): a coming holiday or early close on one
/// exchange. Only future dates are listed, so this cross-checks the calendar rather than replacing it.
/// </summary>
public sealed record UpcomingMarketDay
{
    /// <summary>NYSE, NASDAQ, OTC.</summary>
    public string? Exchange { get; init; }

    public string? Name { get; init; }

    public DateOnly? Date { get; init; }

    /// <summary>closed or early-close.</summary>
    public string? Status { get; init; }

    /// <summary>Session open (UTC) on an early-close day.</summary>
    public DateTimeOffset? Open { get; init; }

    /// <summary>Early close (UTC), e.g. 18:00Z = 13:00 ET.</summary>
    public DateTimeOffset? Close { get; init; }

    /// <summary>True when the exchange opens but closes early.</summary>
    [JsonIgnore]
    public bool IsEarlyClose => string.Equals(Status, "early-close", StringComparison.OrdinalIgnoreCase);
}
