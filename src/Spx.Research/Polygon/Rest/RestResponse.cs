namespace Spx.Research.Polygon.Rest;

/// <summary>One HTTP answer, body read in full, so the retry strategy can inspect it and nothing is left open.</summary>
internal sealed record RestResponse(int Status, byte[] Body, TimeSpan? RetryAfter, string? RequestId)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>Worth another attempt: throttled, request timeout, client closed (499), server errors.</summary>
    public bool IsTransient => Status is 408 or 429 or 499 or >= 500;
}
