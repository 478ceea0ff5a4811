using Spx.Research.Market;

namespace Spx.Research.Synthetic;

/// <summary>
/// The contracts listed on a session for the profile's feeds: SPX monthlies (third Fridays, AM-settled),
/// SPXW dailies for two weeks plus Friday weeklies and month-ends (PM-settled), SPY dailies for two weeks
/// plus Fridays; $5 strikes for SPX, $1 for SPY, within the feeds' bands around the opening level.
/// </summary>
internal static class ChainListing
{
    private const int DailyExpiryDays = 14;

    public static List<ListedOption> List(MarketSession session, double spxOpen, double spyOpen, SyntheticProfile profile, NyseCalendar calendar)
    {
        var filters = profile.BarContracts.Concat(profile.SnapshotContracts).ToList();
        var listed = new List<ListedOption>();
        foreach (var root in filters.Select(f => f.Root).Distinct(StringComparer.Ordinal))
        {
            var spot = root == "SPY" ? spyOpen : spxOpen;
            var step = root == "SPY" ? 1m : 5m;
            var rootFilters = filters.Where(f => f.Root == root).ToList();
            var horizon = rootFilters.Max(f => f.MaxDte);
            var lowest = rootFilters.Min(f => f.MinMoneyness) * spot;
            var highest = rootFilters.Max(f => f.MaxMoneyness) * spot;
            foreach (var expiry in Expiries(root, session.Date, horizon, calendar))
            {
                var dte = expiry.DayNumber - session.Date.DayNumber;
                for (var strike = Math.Ceiling((decimal)lowest / step) * step; strike <= (decimal)highest; strike += step)
                {
                    foreach (var right in (ReadOnlySpan<OptionRight>)[OptionRight.Call, OptionRight.Put])
                    {
                        var inBars = profile.BarContracts.Any(f => f.Matches(root, right, (double)strike, spot, dte));
                        var inSnapshots = profile.SnapshotContracts.Any(f => f.Matches(root, right, (double)strike, spot, dte));
                        if (inBars || inSnapshots)
                        {
                            listed.Add(new ListedOption(new OptionTicker(root, expiry, right, strike), inBars, inSnapshots));
                        }
                    }
                }
            }
        }

        return listed;
    }

    /// <summary>Expiry dates (as in the ticker) still trading on <paramref name="date"/>, up to <paramref name="horizonDays"/> out.</summary>
    public static IEnumerable<DateOnly> Expiries(string root, DateOnly date, int horizonDays, NyseCalendar calendar)
    {
        var last = date.AddDays(horizonDays);
        var expiries = new SortedSet<DateOnly>();
        for (var day = date; day <= last; day = day.AddDays(1))
        {
            var isSession = calendar.IsSession(day);
            var isFriday = day.DayOfWeek == DayOfWeek.Friday;
            var isThirdFriday = isFriday && day.Day is >= 15 and <= 21;
            switch (root)
            {
                case "SPX" when isThirdFriday:
                    expiries.Add(day);
                    break;
                case "SPXW" or "SPY" when isSession && (day.DayNumber - date.DayNumber <= DailyExpiryDays || isFriday || IsLastSessionOfMonth(day, calendar)):
                    expiries.Add(day);
                    break;
                case "SPXW" or "SPY" when isFriday:
                    expiries.Add(calendar.SessionOnOrBefore(day).Date); // Friday holiday: the Thursday
                    break;
            }
        }

        // An AM-settled monthly stops trading the session before its expiry.
        return expiries.Where(e => new OptionTicker(root, e, OptionRight.Call, 100m).LastTradeDate(calendar) >= date);
    }

    private static bool IsLastSessionOfMonth(DateOnly day, NyseCalendar calendar) => calendar.NextSession(day).Date.Month != day.Month;
}
