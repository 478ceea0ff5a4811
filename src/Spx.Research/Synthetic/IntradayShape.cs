namespace Spx.Research.Synthetic;

/// <summary>
/// The intraday U-shape: a multiplier over the session, high at the open, low at midday, rising into
/// the close, normalised to average 1 so it redistributes a day's variance or volume without changing it.
/// </summary>
/// <param name="OpenBoost">Extra level at the open (multiplier 1 + OpenBoost before normalising).</param>
/// <param name="OpenDecay">How fast the open effect fades, as a fraction of the session.</param>
/// <param name="CloseBoost">Extra level at the close.</param>
/// <param name="CloseDecay">How far back from the close the close effect reaches, as a fraction of the session.</param>
public sealed record IntradayShape(double OpenBoost, double OpenDecay, double CloseBoost, double CloseDecay)
{
    /// <summary>Intraday volatility: about 3× midday in the first minutes, 1.6× into the close.</summary>
    public static IntradayShape Volatility { get; } = new(2.5, 0.04, 1.0, 0.05);

    /// <summary>Intraday volume: heavy open, heavier close (closing auction flows), quiet lunch.</summary>
    public static IntradayShape Volume { get; } = new(3.0, 0.05, 3.5, 0.04);

    /// <summary>The multiplier at session fraction <paramref name="u"/> in [0, 1].</summary>
    public double At(double u)
    {
        var raw = 1 + OpenBoost * Math.Exp(-u / OpenDecay) + CloseBoost * Math.Exp(-(1 - u) / CloseDecay);
        return raw / Mean;
    }

    /// <summary>The raw curve's mean over [0, 1], in closed form.</summary>
    private double Mean =>
        1 + OpenBoost * OpenDecay * (1 - Math.Exp(-1 / OpenDecay)) + CloseBoost * CloseDecay * (1 - Math.Exp(-1 / CloseDecay));
}
