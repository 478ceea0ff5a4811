namespace Spx.Research.Polygon.Rest;

/// <summary>The <c>timespan</c> path segment of <c>/v2/aggs</c>.</summary>
public enum AggregateTimespan
{
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
}
