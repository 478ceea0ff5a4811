using MathNet.Numerics.Distributions;
using Spx.Research.Market;

namespace Spx.Research.Synthetic;

/// <summary>
/// The daily skeleton of the synthetic index, stepped one session at a time from the model's epoch: opening
/// gap, open-to-close return and variance, jumps, and the drawdowns that follow some hedging episodes.
/// </summary>
/// <remarks>
/// Starting every run at the same epoch makes the index level on a date independent of the range asked
/// for: generating a week, then the next week, joins up, and a single day equals that day in a longer run.
/// A session costs a handful of draws, so 25 years of days take a few milliseconds.
/// </remarks>
internal sealed class DailyPath
{
    private readonly Dictionary<DateOnly, SessionOutline> _outlines = [];

    public DailyPath(MarketModel model, EventSchedule events, NyseCalendar calendar, long seed, DateOnly through)
    {
        if (through < model.Epoch)
        {
            throw new ArgumentOutOfRangeException(nameof(through), through, $"the synthetic market starts on {model.Epoch:yyyy-MM-dd}");
        }

        var dt = 1.0 / 252;
        // Aim log variance below ln(θ) by what the log-normal spread, jumps and drawdowns add back, so the
        // average variance (and so realised volatility and VIX) stays near the model's long-run level.
        var kicksPerYear = model.JumpsPerYear * model.JumpVarianceKick + 252 * events.ExpectedDrawdownPerSession * EventSchedule.DrawdownVarianceSensitivity;
        var target = Math.Log(model.LongRunVariance)
            - model.VolOfVariance * model.VolOfVariance / (4 * model.VarianceReversion)
            - kicksPerYear / model.VarianceReversion;
        var logVariance = target;
        var deviation = 0.0; // log level minus log trend
        var previousClose = double.NaN;
        var drawdowns = new List<(int From, int To, double PerSession)>();
        var index = 0;
        var rho = model.Correlation;
        var rhoBar = Math.Sqrt(1 - rho * rho);

        foreach (var session in calendar.Sessions(model.Epoch, through))
        {
            var random = RandomStreams.Create(seed, "daily-path", session.Date);
            var years = (session.Date.DayNumber - model.Epoch.DayNumber) / 365.25;
            var trend = Math.Log(model.TrendLevelAtEpoch) + model.TrendGrowth * years;
            var variance = Math.Exp(logVariance);

            var overnight = Math.Sqrt(variance * model.OvernightVarianceShare * dt) * Normal.Sample(random, 0, 1);
            var openDeviation = deviation + overnight - 0.5 * variance * model.OvernightVarianceShare * dt;

            var z1 = Normal.Sample(random, 0, 1);
            var z2 = Normal.Sample(random, 0, 1);
            var jump = random.NextDouble() < model.JumpsPerYear * dt
                ? Normal.Sample(random, model.JumpMean, model.JumpStdDev)
                : 0.0;

            foreach (var episode in events.HedgingEpisodesStarting(session.Date, (int)session.Duration.TotalMinutes))
            {
                if (!episode.FollowedByDrawdown) continue;
                var from = index + episode.Sessions + episode.DrawdownLag;
                drawdowns.Add((from, from + episode.DrawdownSessions - 1, -episode.DrawdownDepth / episode.DrawdownSessions));
            }

            var drawdownDrift = drawdowns.Where(d => d.From <= index && index <= d.To).Sum(d => d.PerSession);
            var intradayVariance = variance * (1 - model.OvernightVarianceShare) * dt;
            var closeDeviation = openDeviation
                - model.LevelReversion * openDeviation * dt
                + Math.Sqrt(intradayVariance) * z1 - 0.5 * intradayVariance
                + jump + drawdownDrift + events.ExpectedDrawdownPerSession;

            logVariance += model.VarianceReversion * (target - logVariance) * dt
                + model.VolOfVariance * Math.Sqrt(dt) * (rho * z1 + rhoBar * z2)
                + (jump != 0 ? model.JumpVarianceKick : 0)
                - EventSchedule.DrawdownVarianceSensitivity * drawdownDrift;
            logVariance = Math.Clamp(logVariance, Math.Log(0.004), Math.Log(1.2));

            var open = Math.Exp(trend + openDeviation);
            var close = Math.Exp(trend + closeDeviation);
            _outlines[session.Date] = new SessionOutline(session, open, close, variance, Math.Exp(logVariance), jump,
                double.IsNaN(previousClose) ? open : previousClose);

            previousClose = close;
            deviation = closeDeviation;
            drawdowns.RemoveAll(d => d.To < index);
            index++;
        }
    }

    public SessionOutline? TryGet(DateOnly date) => _outlines.GetValueOrDefault(date);

    public SessionOutline this[DateOnly date] =>
        _outlines.TryGetValue(date, out var outline)
            ? outline
            : throw new ArgumentOutOfRangeException(nameof(date), date, $"{date:yyyy-MM-dd} is not a session of the synthetic market");
}
