using MathNet.Numerics.Distributions;
using Spx.Research.Market;

namespace Spx.Research.Synthetic;

/// <summary>
/// SPX and its instantaneous variance at every second of one regular session (n seconds give n + 1 points:
/// the open, then the value at the end of each second). Volatility follows the intraday U-shape; return
/// and variance shocks are correlated; the path is bridged to the daily outline's close and variance so
/// intraday and daily data agree.
/// </summary>
public sealed class IndexPath
{
    private IndexPath(SessionOutline outline, double[] spx, double[] variance)
    {
        Outline = outline;
        Spx = spx;
        Variance = variance;
    }

    /// <summary>The session's daily outline.</summary>
    public SessionOutline Outline { get; }

    /// <summary>The session.</summary>
    public MarketSession Session => Outline.Session;

    /// <summary>Seconds in the session.</summary>
    public int Seconds => Spx.Length - 1;

    /// <summary>SPX at the open (index 0) and at the end of each second.</summary>
    public double[] Spx { get; }

    /// <summary>Instantaneous annual variance at the same points.</summary>
    public double[] Variance { get; }

    /// <summary>The instant of point <paramref name="second"/>.</summary>
    public DateTimeOffset InstantAt(int second) => Session.Open.AddSeconds(second);

    internal static IndexPath Generate(SessionOutline outline, MarketModel model, MomentumEvent? momentum, long seed)
    {
        var random = RandomStreams.Create(seed, "index-path", outline.Session.Date);
        var n = (int)outline.Session.Duration.TotalSeconds;
        var logS = new double[n + 1];
        var logV = new double[n + 1];
        logS[0] = Math.Log(outline.Open);
        logV[0] = Math.Log(outline.OpenVariance);

        // Trading time: a full session is (1 − overnight share)/252 years of variance; early closes get less.
        var dayFraction = (1 - model.OvernightVarianceShare) / 252 * n / 23_400.0;
        var dtSecond = dayFraction / n;
        var rho = model.Correlation;
        var rhoBar = Math.Sqrt(1 - rho * rho);
        var volOfVariance = model.VolOfVariance * Math.Sqrt(dtSecond);
        var jumpSecond = outline.Jump != 0 ? random.Next(n) : -1;
        var momentumFrom = momentum is null ? -1 : momentum.StartMinute * 60;
        var momentumTo = momentum is null ? -1 : Math.Min(n, (momentum.StartMinute + momentum.Minutes) * 60);
        var momentumPerSecond = momentum is null ? 0 : momentum.Move(outline.OpenVariance) / (momentumTo - momentumFrom);

        for (var k = 0; k < n; k++)
        {
            var u = (k + 0.5) / n;
            var variance = Math.Exp(logV[k]) * IntradayShape.Volatility.At(u);
            var z1 = Normal.Sample(random, 0, 1);
            var z2 = Normal.Sample(random, 0, 1);
            var step = Math.Sqrt(variance * dtSecond) * z1 - 0.5 * variance * dtSecond;
            if (k == jumpSecond) step += outline.Jump;
            if (k >= momentumFrom && k < momentumTo) step += momentumPerSecond;
            logS[k + 1] = logS[k] + step;
            logV[k + 1] = logV[k] + volOfVariance * (rho * z1 + rhoBar * z2);
        }

        // Brownian-bridge correction: pin the end of the day to the outline, spreading the difference evenly.
        var priceGap = Math.Log(outline.Close) - logS[n];
        var varianceGap = Math.Log(outline.CloseVariance) - logV[n];
        var spx = new double[n + 1];
        var variances = new double[n + 1];
        for (var k = 0; k <= n; k++)
        {
            var w = (double)k / n;
            spx[k] = Math.Exp(logS[k] + priceGap * w);
            variances[k] = Math.Exp(logV[k] + varianceGap * w);
        }

        return new IndexPath(outline, spx, variances);
    }
}
