using System.Text.Json.Serialization;

namespace Spx.Research.Polygon.Rest;

/// <summary>The server's greeks for a contract. There is no rho; any member may be missing.</summary>
public sealed record SnapshotGreeks
{
    public double? Delta { get; init; }

    public double? Gamma { get; init; }

    public double? Theta { get; init; }

    public double? Vega { get; init; }

    /// <summary>True for <c>{}</c>, which the server sends deep in the money.</summary>
    [JsonIgnore]
    public bool IsEmpty => Delta is null && Gamma is null && Theta is null && Vega is null;
}
