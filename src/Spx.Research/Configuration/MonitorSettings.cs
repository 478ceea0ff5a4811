namespace Spx.Research.Configuration;

/// <summary>
/// What the put-hedging monitor polls and when. The window is the prototype's: SPX and SPXW puts 20–45
/// calendar days to expiry with strikes 80–95 % of spot, polled every 15 minutes from the open plus the
/// data delay (the plan's quotes are 15 minutes late), end of day 30 minutes after the close.
/// </summary>
public sealed record MonitorSettings
{
    /// <summary>Option roots polled: monthly SPX (AM-settled) and SPXW weeklies and dailies (PM-settled).</summary>
    public IReadOnlyList<string> Roots { get; init; } = ["SPX", "SPXW"];

    /// <summary><c>put</c> or <c>call</c>.</summary>
    public string Right { get; init; } = "put";

    /// <summary>Fewest calendar days from the poll's session to expiry, inclusive.</summary>
    public int MinDaysToExpiry { get; init; } = 20;

    /// <summary>Most calendar days from the poll's session to expiry, inclusive.</summary>
    public int MaxDaysToExpiry { get; init; } = 45;

    /// <summary>Lowest strike as a fraction of spot, inclusive.</summary>
    public double MinStrikeRatio { get; init; } = 0.80;

    /// <summary>Highest strike as a fraction of spot, inclusive.</summary>
    public double MaxStrikeRatio { get; init; } = 0.95;

    /// <summary>Tickers per unified-snapshot request (the API's limit is 250).</summary>
    public int BatchSize { get; init; } = 250;

    /// <summary>Time between polls during the session.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How late the plan's data is: the first poll is at the open plus this.</summary>
    public TimeSpan DataDelay { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>End of day runs this long after the close.</summary>
    public TimeSpan EndOfDayDelay { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Attempts of one failed poll before it is given up (the process keeps running).</summary>
    public int PollAttempts { get; init; } = 3;

    /// <summary>Wait between poll attempts.</summary>
    public TimeSpan PollRetryWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Sessions of intraday polls kept; older ones are removed at end of day.</summary>
    public int IntradayRetentionSessions { get; init; } = 3;

    /// <summary>Calendar days of end-of-day rows kept.</summary>
    public int DailyRetentionDays { get; init; } = 60;

    /// <summary>Follow the server's clock (<c>serverTime</c> of the market status) instead of the wall clock: for a simulator replaying a past day.</summary>
    public bool FollowServerClock { get; init; }
}
