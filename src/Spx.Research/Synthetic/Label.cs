namespace Spx.Research.Synthetic;

/// <summary>
/// Ground truth for a generated event, so detectors can be scored: what happened (<see cref="Kind"/>), on
/// which instrument, from when to when, which option contracts carry it, and how big it was.
/// </summary>
/// <param name="Id">Stable id, e.g. <c>hedge-20250304</c>.</param>
/// <param name="Kind"><see cref="HedgingEpisode"/>, <see cref="Momentum"/> or <see cref="Drawdown"/>.</param>
/// <param name="Ticker">The underlying: <c>I:SPX</c> or <c>SPY</c>.</param>
/// <param name="Start">First instant of the event.</param>
/// <param name="End">Last instant of the event.</param>
/// <param name="Contracts">Option tickers that carry the event (bought puts; options that jumped ≥ 20%).</param>
/// <param name="Size">Hedging: contracts bought. Momentum: the underlying move in percent. Drawdown: the fall in percent (negative).</param>
/// <param name="Outcome">Hedging: <c>drawdown</c> or <c>none</c>; momentum: <c>up</c> or <c>down</c>.</param>
/// <param name="Note">Human-readable description.</param>
public sealed record Label(
    string Id,
    string Kind,
    string Ticker,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<string> Contracts,
    double Size,
    string Outcome,
    string Note)
{
    /// <summary>A burst of OTM SPX/SPXW put buying.</summary>
    public const string HedgingEpisode = "hedging_episode";

    /// <summary>A sharp SPY move that lifts short-dated options 20% or more within minutes.</summary>
    public const string Momentum = "spy_momentum";

    /// <summary>An index fall that followed a hedging episode.</summary>
    public const string Drawdown = "drawdown";
}
