namespace Spx.Research.Polygon.Rest;

/// <summary>
/// The wire shape of a <c>/v3/snapshot</c> element: data and error fields side by side. Public so a server
/// (the simulator) can write both kinds of element; clients see <see cref="UnifiedSnapshotItem"/>.
/// </summary>
public sealed record UnifiedSnapshotWire
{
    public string? Ticker { get; init; }

    public string? Error { get; init; }

    public string? Message { get; init; }

    public string? Type { get; init; }

    public string? Name { get; init; }

    public string? MarketStatus { get; init; }

    public DaySummary? Session { get; init; }

    public LastQuote? LastQuote { get; init; }

    public LastTrade? LastTrade { get; init; }

    public double? Value { get; init; }

    public ContractDetails? Details { get; init; }

    public SnapshotGreeks? Greeks { get; init; }

    public double? ImpliedVolatility { get; init; }

    public double? OpenInterest { get; init; }

    public double? BreakEvenPrice { get; init; }

    public UnderlyingAsset? UnderlyingAsset { get; init; }

    public double? Fmv { get; init; }

    /// <summary>An error item when the server put <c>error</c> on it, else the data.</summary>
    public UnifiedSnapshotItem ToItem() => Error is { Length: > 0 } error
        ? new UnifiedSnapshotError(Ticker ?? "", error, Message)
        : new UnifiedSnapshot(Ticker ?? "")
        {
            Type = Type,
            Name = Name,
            MarketStatus = MarketStatus,
            Session = Session,
            LastQuote = LastQuote,
            LastTrade = LastTrade,
            Value = Value,
            Details = Details,
            Greeks = Greeks,
            ImpliedVolatility = ImpliedVolatility,
            OpenInterest = OpenInterest,
            BreakEvenPrice = BreakEvenPrice,
            UnderlyingAsset = UnderlyingAsset,
            Fmv = Fmv,
        };
}
