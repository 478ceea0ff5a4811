namespace Spx.Research.Polygon.Rest;

/// <summary>The <c>sort</c> (aggs) or <c>order</c> (reference, snapshot, news) direction.</summary>
public enum SortOrder
{
    Asc,
    Desc,
}
