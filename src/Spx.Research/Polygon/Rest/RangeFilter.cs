namespace Spx.Research.Polygon.Rest;

/// <summary>
/// An equality or range filter on one query field: <c>field=v</c>, <c>field.gt</c>, <c>.gte</c>, <c>.lt</c>,
/// <c>.lte</c>. Members combine (e.g. gte and lte for a window).
/// </summary>
public sealed record RangeFilter<T>
    where T : struct
{
    public T? EqualTo { get; init; }

    public T? GreaterThan { get; init; }

    public T? AtLeast { get; init; }

    public T? LessThan { get; init; }

    public T? AtMost { get; init; }

    /// <summary>field = value.</summary>
    public static RangeFilter<T> Equal(T value) => new() { EqualTo = value };

    /// <summary>from ≤ field ≤ to.</summary>
    public static RangeFilter<T> Between(T from, T to) => new() { AtLeast = from, AtMost = to };

    /// <summary>Appends this filter's parameters for <paramref name="field"/>.</summary>
    internal void AppendTo(QueryBuilder query, string field, Func<T, string> format)
    {
        if (EqualTo is { } eq) query.Add(field, format(eq));
        if (GreaterThan is { } gt) query.Add(field + ".gt", format(gt));
        if (AtLeast is { } gte) query.Add(field + ".gte", format(gte));
        if (LessThan is { } lt) query.Add(field + ".lt", format(lt));
        if (AtMost is { } lte) query.Add(field + ".lte", format(lte));
    }
}
