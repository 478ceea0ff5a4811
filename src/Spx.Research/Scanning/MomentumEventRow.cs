namespace Spx.Research.Scanning;

/// <summary>
/// One momentum event as stored in <c>momentum_events</c>: a maximal run of bars of one contract-day whose close
/// is at least the threshold above the day's first open. Instants are UTC; <see cref="TriggerHour"/> is New York's.
/// The explaining columns (<see cref="Delta"/> … <see cref="UnexplainedShare"/>) are NULL until the day is consolidated.
/// </summary>
public sealed record MomentumEventRow(
    string Ticker,
    string Underlying,
    DateOnly Expiry,
    string OptionRight,
    double Strike,
    DateOnly Date,
    DateTimeOffset TriggerTs,
    int TriggerHour,
    DateTimeOffset LastTs,
    long Duration,
    double Threshold,
    double Reference,
    double TriggerClose,
    double PeakClose,
    double? MaxReturn,
    double? UnderlyingPrice,
    double? Delta = null,
    double? Gamma = null,
    double? SpotMove = null,
    double? ExplainedMove = null,
    double? UnexplainedShare = null);
