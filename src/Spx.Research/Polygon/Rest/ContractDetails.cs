namespace Spx.Research.Polygon.Rest;

/// <summary>The <c>details</c> of a snapshot contract.</summary>
public sealed record ContractDetails
{
    public string? Ticker { get; init; }

    public string? ContractType { get; init; }

    public string? ExerciseStyle { get; init; }

    public DateOnly? ExpirationDate { get; init; }

    public double? SharesPerContract { get; init; }

    public double? StrikePrice { get; init; }
}
