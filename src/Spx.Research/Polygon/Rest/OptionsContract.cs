using System.Text.Json.Serialization;
using Spx.Research.Market;

namespace Spx.Research.Polygon.Rest;

/// <summary>
/// One listed contract from <c>/v3/reference/options/contracts</c>. Enumerated fields stay strings
/// (<c>contract_type</c> can be "other", <c>exercise_style</c> "bermudan"): the reference data must not fail
/// to load because of one odd contract; <see cref="Parsed"/> gives the typed view where it exists.
/// </summary>
public sealed record OptionsContract
{
    [JsonRequired] public string Ticker { get; init; } = "";

    public string? UnderlyingTicker { get; init; }

    /// <summary>call, put, or rarely other.</summary>
    public string? ContractType { get; init; }

    /// <summary>american, european or bermudan.</summary>
    public string? ExerciseStyle { get; init; }

    public DateOnly? ExpirationDate { get; init; }

    public double? StrikePrice { get; init; }

    public double? SharesPerContract { get; init; }

    /// <summary>MIC of the primary exchange, e.g. BATO.</summary>
    public string? PrimaryExchange { get; init; }

    public string? Cfi { get; init; }

    /// <summary>Correction number when the record was revised.</summary>
    public int? Correction { get; init; }

    /// <summary>Deliverables beyond the root (adjusted contracts).</summary>
    public IReadOnlyList<AdditionalUnderlying>? AdditionalUnderlyings { get; init; }

    /// <summary>The ticker as an <see cref="OptionTicker"/>; null when it does not follow OCC symbology.</summary>
    [JsonIgnore]
    public OptionTicker? Parsed => OptionTicker.TryParse(Ticker, out var parsed) ? parsed : null;
}

/// <summary>A deliverable of an adjusted contract: <c>{type: equity|currency, underlying, amount}</c>.</summary>
public sealed record AdditionalUnderlying
{
    public string? Type { get; init; }

    public string? Underlying { get; init; }

    public double? Amount { get; init; }
}
