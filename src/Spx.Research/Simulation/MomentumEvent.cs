namespace Spx.Research.Simulation;

/// <summary>
/// A labelled sharp move: the index (and so SPY) moves by <see cref="Move"/> (log return, signed) over
/// <see cref="Minutes"/> minutes from <see cref="StartMinute"/>, enough to lift near-the-money short-dated
/// SPY options by 20% or more.
/// </summary>
public sealed record MomentumEvent(string Id, DateOnly Date, int StartMinute, int Minutes, double Move);
