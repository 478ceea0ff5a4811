namespace Spx.Research.Market;

/// <summary>
/// One NYSE trading day: the date it is named by (New York date) and its regular-hours open and close
/// as UTC instants. Early closes keep the 09:30 open and end at 13:00 ET (14:00 ET before 1993).
/// </summary>
/// <param name="Date">The New York calendar date of the session.</param>
/// <param name="Open">The opening bell, UTC.</param>
/// <param name="Close">The closing bell, UTC; earlier than 16:00 ET when <paramref name="IsEarlyClose"/>.</param>
/// <param name="IsEarlyClose">True on a scheduled half day (e.g. the day after Thanksgiving).</param>
public readonly record struct MarketSession(DateOnly Date, DateTimeOffset Open, DateTimeOffset Close, bool IsEarlyClose)
{
    /// <summary>Length of regular trading: 6h30 on a full day, 3h30 on a 13:00 early close.</summary>
    public TimeSpan Duration => Close - Open;

    /// <summary>True when <paramref name="instant"/> is in [Open, Close): the close itself is after the bell.</summary>
    public bool Contains(DateTimeOffset instant) => instant >= Open && instant < Close;
}
