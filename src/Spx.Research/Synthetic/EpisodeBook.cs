using Spx.Research.Market;

namespace Spx.Research.Synthetic;

/// <summary>
/// Turns the hedging episodes of the schedule into trades and labels: which put contracts an episode buys
/// (chosen on its first session from that morning's level), the block trades it adds on each session it
/// is active, and the labels of episodes and of the drawdowns that follow some of them.
/// </summary>
internal sealed class EpisodeBook(SyntheticMarketOptions options, DailyPath daily, EventSchedule events)
{
    private readonly NyseCalendar _calendar = options.Calendar;

    private int LongestEpisode => Math.Max(events.Settings.MaxEpisodeSessions, events.Settings.ExtraEpisodes.Select(e => e.Sessions).DefaultIfEmpty(1).Max());

    /// <summary>
    /// Block volume per minute for each contract an active episode buys today; adds the contracts to
    /// <paramref name="contracts"/> (in both feeds) when the profile's filters left them out.
    /// </summary>
    public Dictionary<ListedOption, long[]> Blocks(MarketSession session, List<ListedOption> contracts)
    {
        var blocks = new Dictionary<ListedOption, long[]>();
        var minutes = (int)session.Duration.TotalMinutes;
        var byTicker = contracts.ToDictionary(c => c.Ticker, StringComparer.Ordinal);
        foreach (var (episode, day) in Active(session.Date))
        {
            var tickers = Contracts(episode);
            var perDay = Split(episode.Size, episode.Sessions, day);
            var start = Math.Min(episode.StartMinute, minutes - 2);
            var end = Math.Min(start + episode.WindowMinutes, minutes);
            for (var i = 0; i < tickers.Count; i++)
            {
                if (!byTicker.TryGetValue(tickers[i].ToString(), out var contract))
                {
                    contract = new ListedOption(tickers[i], inBars: true, inSnapshots: true);
                    contracts.Add(contract);
                    byTicker[contract.Ticker] = contract;
                }

                contract.InBars = contract.InSnapshots = true;
                var volume = blocks.TryGetValue(contract, out var existing) ? existing : blocks[contract] = new long[minutes];
                var random = RandomStreams.Create(options.Seed, "episode-blocks:" + episode.Id, session.Date, i);
                var remaining = Split(perDay, tickers.Count, i);
                while (remaining > 0)
                {
                    var block = Math.Min(remaining, 50 + random.Next(451));
                    volume[start + random.Next(end - start)] += block;
                    remaining -= block;
                }
            }
        }

        return blocks;
    }

    /// <summary>Labels for episodes starting today and for drawdowns starting today.</summary>
    public IEnumerable<Label> LabelsStarting(MarketSession session)
    {
        var minutes = (int)session.Duration.TotalMinutes;
        foreach (var episode in events.HedgingEpisodesStarting(session.Date, minutes))
        {
            var last = SessionAfter(session.Date, episode.Sessions - 1);
            var lastMinutes = (int)last.Duration.TotalMinutes;
            var start = session.Open.AddMinutes(Math.Min(episode.StartMinute, minutes - 2));
            var end = last.Open.AddMinutes(Math.Min(Math.Min(episode.StartMinute, lastMinutes - 2) + episode.WindowMinutes, lastMinutes));
            var contracts = Contracts(episode);
            var outcome = episode.FollowedByDrawdown ? "drawdown" : "none";
            yield return new Label(
                episode.Id, Label.HedgingEpisode, IndexTape.Spx, start, end,
                contracts.Select(c => c.ToString()).ToList(),
                episode.Size, outcome,
                $"{episode.Size:N0} {episode.Root} puts {episode.OtmFrom:P0}–{episode.OtmTo:P0} OTM, expiry {contracts[0].Expiry:yyyy-MM-dd}, over {episode.Sessions} session(s); "
                + (episode.FollowedByDrawdown ? $"a {episode.DrawdownDepth:P1} drawdown follows after {episode.DrawdownLag} session(s)" : "no drawdown follows"));
        }

        var lookBack = LongestEpisode + 3;
        var day = session.Date;
        for (var back = 0; back <= lookBack; back++)
        {
            var dayMinutes = (int)_calendar.Session(day).Duration.TotalMinutes;
            foreach (var episode in events.HedgingEpisodesStarting(day, dayMinutes).Where(e => e.FollowedByDrawdown))
            {
                if (SessionAfter(episode.StartDate, episode.Sessions + episode.DrawdownLag).Date != session.Date) continue;
                var last = SessionAfter(session.Date, episode.DrawdownSessions - 1);
                var before = daily[session.Date].PreviousClose;
                var realised = daily.TryGet(last.Date) is { } outline ? outline.Close / before - 1 : -episode.DrawdownDepth;
                yield return new Label(
                    episode.Id.Replace("hedge-", "drawdown-", StringComparison.Ordinal), Label.Drawdown, IndexTape.Spx,
                    session.Open, last.Close, [], Math.Round(realised * 100, 3), "follows " + episode.Id,
                    $"planned {episode.DrawdownDepth:P1} over {episode.DrawdownSessions} sessions after {episode.Id}; realised close-to-close {realised:P1}");
            }

            day = _calendar.PreviousSession(day).Date;
        }
    }

    /// <summary>Episodes buying today, with which of their sessions today is (0 = first).</summary>
    private IEnumerable<(HedgingEpisode Episode, int Day)> Active(DateOnly date)
    {
        var day = date;
        for (var back = 0; back < LongestEpisode; back++)
        {
            var minutes = (int)_calendar.Session(day).Duration.TotalMinutes;
            foreach (var episode in events.HedgingEpisodesStarting(day, minutes).Where(e => e.Sessions > back))
            {
                yield return (episode, back);
            }

            day = _calendar.PreviousSession(day).Date;
        }
    }

    /// <summary>The puts an episode buys: evenly spaced round (25-point) strikes in its OTM band, on the listed expiry nearest its target.</summary>
    private List<OptionTicker> Contracts(HedgingEpisode episode)
    {
        var spot = daily[episode.StartDate].Open;
        var expiry = ChainListing.Expiries(episode.Root, episode.StartDate, 70, _calendar)
            .MinBy(e => Math.Abs(e.DayNumber - episode.StartDate.DayNumber - episode.TargetDte));
        var strikes = new SortedSet<decimal>();
        for (var i = 0; i < episode.Strikes; i++)
        {
            var otm = episode.Strikes == 1 ? episode.OtmFrom : episode.OtmFrom + (episode.OtmTo - episode.OtmFrom) * i / (episode.Strikes - 1);
            strikes.Add(Math.Round((decimal)(spot * (1 - otm)) / 25m) * 25m);
        }

        return strikes.Reverse().Select(k => new OptionTicker(episode.Root, expiry, OptionRight.Put, k)).ToList();
    }

    private MarketSession SessionAfter(DateOnly date, int sessions)
    {
        var session = _calendar.Session(date);
        for (var i = 0; i < sessions; i++) session = _calendar.NextSession(session.Date);
        return session;
    }

    /// <summary>Part <paramref name="index"/> of <paramref name="total"/> split into <paramref name="parts"/> near-equal whole parts.</summary>
    private static long Split(long total, int parts, int index) => total / parts + (index < total % parts ? 1 : 0);
}
