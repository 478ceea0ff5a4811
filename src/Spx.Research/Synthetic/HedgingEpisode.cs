namespace Spx.Research.Synthetic;

/// <summary>
/// A labelled burst of out-of-the-money SPX put buying: <see cref="Size"/> contracts bought across
/// <see cref="Strikes"/> strikes of one expiry about <see cref="TargetDte"/> days out, between
/// <see cref="OtmFrom"/> and <see cref="OtmTo"/> below the index, over <see cref="Sessions"/> sessions in a
/// window of each. When <see cref="DrawdownDepth"/> is positive the index then falls by about that much.
/// </summary>
/// <param name="Id">Stable label id.</param>
/// <param name="StartDate">First session of the buying.</param>
/// <param name="Sessions">How many consecutive sessions the buying persists.</param>
/// <param name="Root">SPX (monthlies) or SPXW.</param>
/// <param name="TargetDte">Calendar days to the expiry bought (the nearest listed expiry is used).</param>
/// <param name="OtmFrom">Smallest distance below the index, as a fraction (0.05 = 5% OTM).</param>
/// <param name="OtmTo">Largest distance below the index.</param>
/// <param name="Strikes">Number of strikes bought.</param>
/// <param name="Size">Contracts bought in all.</param>
/// <param name="StartMinute">Minute of the session the buying starts each day.</param>
/// <param name="WindowMinutes">How long the buying lasts each day.</param>
/// <param name="DrawdownDepth">Fractional fall of the index that follows (0 = none).</param>
/// <param name="DrawdownLag">Sessions between the last buying session and the start of the fall.</param>
/// <param name="DrawdownSessions">Sessions the fall takes.</param>
public sealed record HedgingEpisode(
    string Id,
    DateOnly StartDate,
    int Sessions,
    string Root,
    int TargetDte,
    double OtmFrom,
    double OtmTo,
    int Strikes,
    long Size,
    int StartMinute,
    int WindowMinutes,
    double DrawdownDepth,
    int DrawdownLag,
    int DrawdownSessions)
{
    /// <summary>True when a drawdown follows.</summary>
    public bool FollowedByDrawdown => DrawdownDepth > 0;
}
