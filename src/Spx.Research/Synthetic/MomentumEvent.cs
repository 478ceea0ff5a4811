namespace Spx.Research.Synthetic;

/// <summary>
/// A labelled sharp move: the index (and so SPY) moves by <see cref="Sigmas"/> daily standard deviations
/// (signed) over <see cref="Minutes"/> minutes from <see cref="StartMinute"/>. Scaling by the day's
/// volatility keeps the move sharp in calm and in stressed markets alike: enough to lift near-the-money
/// short-dated SPY options by 20% or more.
/// </summary>
public sealed record MomentumEvent(string Id, DateOnly Date, int StartMinute, int Minutes, double Sigmas)
{
    /// <summary>The log move for a session whose instantaneous annual variance is <paramref name="variance"/>.</summary>
    public double Move(double variance) => Sigmas * Math.Sqrt(variance / 252);
}
