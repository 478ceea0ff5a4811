namespace Spx.Research.Polygon.Rest;

/// <summary>Filters of the option chain snapshot <c>/v3/snapshot/options/{underlying}</c>.</summary>
public sealed record OptionChainQuery
{
    /// <summary>Largest page the server serves.</summary>
    public const int MaxLimit = 250;

    public RangeFilter<double>? StrikePrice { get; init; }

    public RangeFilter<DateOnly>? ExpirationDate { get; init; }

    public ContractType? ContractType { get; init; }

    public SortOrder? Order { get; init; }

    /// <summary>Page size, 1–250; the client defaults to 250.</summary>
    public int? Limit { get; init; } = MaxLimit;

    public OptionChainSort? Sort { get; init; }

    internal string ToPathAndQuery(string underlying)
    {
        var query = new QueryBuilder("/v3/snapshot/options/" + QueryBuilder.Segment(underlying));
        StrikePrice?.AppendTo(query, "strike_price", QueryBuilder.Format);
        ExpirationDate?.AppendTo(query, "expiration_date", QueryBuilder.Format);
        if (ContractType is { } type) query.Add("contract_type", QueryBuilder.Lower(type));
        if (Order is { } order) query.Add("order", QueryBuilder.Lower(order));
        query.Add("limit", Limits.Check(Limit, MaxLimit, nameof(Limit)));
        if (Sort is { } sort) query.Add("sort", QueryBuilder.Snake(sort));
        return query.ToString();
    }
}

/// <summary>The <c>sort</c> field of the chain snapshot.</summary>
public enum OptionChainSort
{
    Ticker,
    ExpirationDate,
    StrikePrice,
}
