using System.Text.Json.Serialization;

namespace Spx.Research.Polygon.Rest;

/// <summary>
/// One element of <c>/v3/snapshot</c>: either data (<see cref="UnifiedSnapshot"/>) or a per-ticker error
/// (<see cref="UnifiedSnapshotError"/>). The server reports unknown or unentitled tickers inside a 200, so one bad
/// ticker must not cost the other 249.
/// </summary>
/// <remarks>Read and written by <see cref="UnifiedSnapshotItemConverter"/>, public so a server (the simulator) writes both kinds.</remarks>
[JsonConverter(typeof(UnifiedSnapshotItemConverter))]
public abstract record UnifiedSnapshotItem(string Ticker);

/// <summary>A ticker the server could not snapshot: <c>NOT_FOUND</c>, <c>NOT_ENTITLED</c>, …</summary>
/// <param name="Error">The machine code, e.g. NOT_FOUND.</param>
/// <param name="Message">The human text, e.g. "Ticker not found.".</param>
public sealed record UnifiedSnapshotError(string Ticker, string Error, string? Message) : UnifiedSnapshotItem(Ticker);

/// <summary>A snapshot of one ticker of any asset class; members not relevant to its class are null.</summary>
public sealed record UnifiedSnapshot(string Ticker) : UnifiedSnapshotItem(Ticker)
{
    /// <summary>stocks, options, indices, fx or crypto.</summary>
    public string? Type { get; init; }

    public string? Name { get; init; }

    public string? MarketStatus { get; init; }

    public DaySummary? Session { get; init; }

    public LastQuote? LastQuote { get; init; }

    public LastTrade? LastTrade { get; init; }

    /// <summary>Index level (indices only).</summary>
    public double? Value { get; init; }

    public ContractDetails? Details { get; init; }

    public SnapshotGreeks? Greeks { get; init; }

    public double? ImpliedVolatility { get; init; }

    public double? OpenInterest { get; init; }

    public double? BreakEvenPrice { get; init; }

    public UnderlyingAsset? UnderlyingAsset { get; init; }

    public double? Fmv { get; init; }
}
