using Spx.Research.Market;

namespace Spx.Research.Synthetic;

/// <summary>
/// A deterministic synthetic SPX/SPY market: for a seed, the same sessions, prices, option trades, news
/// and labelled events every time. Sessions come from the NYSE calendar, so holidays are skipped and early
/// closes are short.
/// </summary>
/// <remarks>
/// The index level and events on a date depend only on the seed and the date (the daily path starts at the
/// model's epoch). Open interest is carried forward from the first session generated, so it depends on
/// where the run starts; generate a range in one run when open-interest history matters.
/// </remarks>
public sealed class SyntheticMarket(SyntheticMarketOptions options)
{
    /// <summary>The options in force.</summary>
    public SyntheticMarketOptions Options { get; } = options;

    /// <summary>The sessions from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public IReadOnlyList<MarketSession> Sessions(DateOnly from, DateOnly to) => Options.Calendar.Sessions(from, to);

    /// <summary>Generates the sessions in order (lazily, one session in memory at a time).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range starts before the model's epoch or is reversed.</exception>
    public IEnumerable<SessionData> Generate(DateOnly from, DateOnly to)
    {
        if (to < from) throw new ArgumentOutOfRangeException(nameof(to), to, $"the range ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})");
        if (from < Options.Model.Epoch) throw new ArgumentOutOfRangeException(nameof(from), from, $"the synthetic market starts on {Options.Model.Epoch:yyyy-MM-dd}");
        return Run(from, to);
    }

    private IEnumerable<SessionData> Run(DateOnly from, DateOnly to)
    {
        var events = new EventSchedule(Options.Seed, Options.Events);
        var sessions = Sessions(from, to);
        if (sessions.Count == 0) yield break;

        // Run the daily path a few weeks past the range so drawdown labels can report what was realised.
        var lookAhead = sessions[^1].Date.AddDays(45);
        var daily = new DailyPath(Options.Model, events, Options.Calendar, Options.Seed, lookAhead > NyseCalendar.LastDate ? NyseCalendar.LastDate : lookAhead);
        var openInterest = new OpenInterestBook();
        foreach (var session in sessions)
        {
            yield return GenerateSession(session, daily, events, openInterest);
            openInterest.Expire(session.Date);
        }
    }

    private SessionData GenerateSession(MarketSession session, DailyPath daily, EventSchedule events, OpenInterestBook openInterest)
    {
        var seed = Options.Seed;
        var model = Options.Model;
        var outline = daily[session.Date];
        var sessionMinutes = (int)session.Duration.TotalMinutes;
        var momentum = events.MomentumEventOn(session.Date, sessionMinutes);
        var path = IndexPath.Generate(outline, model, momentum, seed);
        var spy = SpyTape.Generate(path, model, seed);

        var contracts = ChainListing.List(session, path.Spx[0], spy.Price[0], Options.Profile, Options.Calendar);
        var episodes = new EpisodeBook(Options, daily, events);
        var blocks = episodes.Blocks(session, contracts);
        var trading = OptionTrading.Run(model, path, spy, contracts, blocks, momentum, openInterest, Options.Profile.SnapshotIntervalMinutes, seed);

        var labels = new List<Label>();
        labels.AddRange(episodes.LabelsStarting(session));
        if (momentum is not null)
        {
            labels.Add(MomentumLabel(session, momentum, momentum.Move(outline.OpenVariance), trading.MomentumMovers));
        }

        return new SessionData(
            session,
            path,
            IndexTape.MinuteBars(path, model, seed).ToList(),
            Options.Profile.SpySecondBars ? spy.SecondBars : [],
            spy.MinuteBars().ToList(),
            contracts,
            trading.Bars,
            trading.Snapshots,
            NewsWire.Generate(path, model, momentum, Options.Profile.NewsPerSession, seed),
            labels);
    }

    private static Label MomentumLabel(MarketSession session, MomentumEvent momentum, double move, List<string> movers)
    {
        var start = session.Open.AddMinutes(momentum.StartMinute);
        var direction = move > 0 ? "up" : "down";
        return new Label(
            momentum.Id, Label.Momentum, "SPY", start, start.AddMinutes(momentum.Minutes),
            movers.Order(StringComparer.Ordinal).ToList(),
            Math.Round(move * 100, 3),
            direction,
            $"SPY {direction} {Math.Abs(move) * 100:0.00}% in {momentum.Minutes} min; {movers.Count} contracts rose 20%+ within 5 min after");
    }
}
