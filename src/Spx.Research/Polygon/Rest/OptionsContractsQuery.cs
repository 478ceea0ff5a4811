namespace Spx.Research.Polygon.Rest;

/// <summary>
/// Filters of <c>/v3/reference/options/contracts</c>. One underlying per call (the server takes no list);
/// <c>SPX</c> returns both the monthly <c>O:SPX…</c> and the weekly/daily <c>O:SPXW…</c> roots.
/// </summary>
public sealed record OptionsContractsQuery
{
    /// <summary>Largest page the server serves.</summary>
    public const int MaxLimit = 1000;

    public string? UnderlyingTicker { get; init; }

    public RangeFilter<DateOnly>? ExpirationDate { get; init; }

    public RangeFilter<double>? StrikePrice { get; init; }

    public ContractType? ContractType { get; init; }

    /// <summary>Contracts listed on this date (default today on the server).</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Include expired contracts (server default false).</summary>
    public bool? Expired { get; init; }

    public SortOrder? Order { get; init; }

    /// <summary>Page size, 1–1000; the client defaults to 1000 to spend fewer requests.</summary>
    public int? Limit { get; init; } = MaxLimit;

    public OptionsContractSort? Sort { get; init; }

    internal string ToPathAndQuery()
    {
        var query = new QueryBuilder("/v3/reference/options/contracts").Add("underlying_ticker", UnderlyingTicker);
        ExpirationDate?.AppendTo(query, "expiration_date", QueryBuilder.Format);
        StrikePrice?.AppendTo(query, "strike_price", QueryBuilder.Format);
        if (ContractType is { } type) query.Add("contract_type", QueryBuilder.Lower(type));
        query.Add("as_of", AsOf).Add("expired", Expired);
        if (Order is { } order) query.Add("order", QueryBuilder.Lower(order));
        query.Add("limit", Limits.Check(Limit, MaxLimit, nameof(Limit)));
        if (Sort is { } sort) query.Add("sort", QueryBuilder.Snake(sort));
        return query.ToString();
    }
}

/// <summary>The <c>sort</c> field of the contracts reference.</summary>
public enum OptionsContractSort
{
    Ticker,
    UnderlyingTicker,
    ExpirationDate,
    StrikePrice,
}

/// <summary>The <c>contract_type</c> filter.</summary>
public enum ContractType
{
    Call,
    Put,
}

/// <summary>Page-size validation shared by the queries.</summary>
internal static class Limits
{
    public static int? Check(int? limit, int max, string name) =>
        limit is { } l && (l < 1 || l > max)
            ? throw new ArgumentOutOfRangeException(name, l, $"The page size must be 1–{max}.")
            : limit;
}
