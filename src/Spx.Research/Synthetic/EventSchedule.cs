using MathNet.Numerics.Distributions;

namespace Spx.Research.Synthetic;

/// <summary>
/// Which labelled events start on a session: a pure function of the seed, the settings and the date,
/// so the daily path, the intraday generator and the labels all agree without sharing state.
/// </summary>
internal sealed class EventSchedule(long seed, EventSettings settings)
{
    private const double MinDrawdown = 0.03;
    private const double MaxDrawdown = 0.08;

    public EventSettings Settings { get; } = settings;

    /// <summary>
    /// Rise in log variance per unit of log fall during a drawdown: fear rises as the index falls, so a 6%
    /// drawdown lifts VIX by roughly half (e.g. 13 → 20), as in SPX pullbacks of that size.
    /// </summary>
    public const double DrawdownVarianceSensitivity = 16.0;

    private const int MinDrawdownSessions = 3;
    private const int MaxDrawdownSessions = 8;

    /// <summary>
    /// The index's expected loss per session to episode drawdowns. The daily path adds it back as drift, so
    /// drawdowns are dips in a market that still follows its trend rather than a steady decline.
    /// </summary>
    public double ExpectedDrawdownPerSession =>
        Settings.HedgingEpisodesPerSession * Settings.DrawdownProbability * (MinDrawdown + MaxDrawdown) / 2;

    public IReadOnlyList<HedgingEpisode> HedgingEpisodesStarting(DateOnly date, int sessionMinutes)
    {
        var extra = Settings.ExtraEpisodes.Where(e => e.StartDate == date);
        var random = RandomStreams.Create(seed, "hedging-episode", date);
        if (random.NextDouble() >= Settings.HedgingEpisodesPerSession)
        {
            return extra.ToList();
        }

        var logSize = Math.Log(Settings.MinEpisodeSize) + random.NextDouble() * (Math.Log(Settings.MaxEpisodeSize) - Math.Log(Settings.MinEpisodeSize));
        var otmFrom = 0.05 + 0.09 * random.NextDouble();
        var window = 30 + random.Next(120);
        var drawdown = random.NextDouble() < Settings.DrawdownProbability;
        var episode = new HedgingEpisode(
            Id: $"hedge-{date:yyyyMMdd}",
            StartDate: date,
            Sessions: Settings.MinEpisodeSessions + random.Next(Settings.MaxEpisodeSessions - Settings.MinEpisodeSessions + 1),
            Root: random.NextDouble() < 0.6 ? "SPXW" : "SPX",
            TargetDte: 20 + random.Next(26),
            OtmFrom: otmFrom,
            OtmTo: Math.Min(0.20, otmFrom + 0.02 + 0.05 * random.NextDouble()),
            Strikes: 2 + random.Next(3),
            Size: (long)Math.Round(Math.Exp(logSize), MidpointRounding.AwayFromZero),
            StartMinute: 15 + random.Next(Math.Max(1, sessionMinutes - window - 30)),
            WindowMinutes: window,
            DrawdownDepth: drawdown ? MinDrawdown + (MaxDrawdown - MinDrawdown) * random.NextDouble() : 0,
            DrawdownLag: drawdown ? random.Next(3) : 0,
            DrawdownSessions: drawdown ? MinDrawdownSessions + random.Next(MaxDrawdownSessions - MinDrawdownSessions + 1) : 0);
        return [episode, .. extra];
    }

    public MomentumEvent? MomentumEventOn(DateOnly date, int sessionMinutes)
    {
        var random = RandomStreams.Create(seed, "momentum-event", date);
        if (random.NextDouble() >= Settings.MomentumEventsPerSession)
        {
            return null;
        }

        var minutes = 3 + random.Next(6);
        var size = ContinuousUniform.Sample(random, 0.5, 0.8);
        var sign = random.NextDouble() < 0.5 ? -1 : 1;
        var start = 20 + random.Next(Math.Max(1, sessionMinutes - minutes - 40));
        return new MomentumEvent($"momentum-{date:yyyyMMdd}", date, start, minutes, sign * size);
    }
}
