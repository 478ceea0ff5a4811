using System.Text.Json;

namespace Spx.Research.Polygon.Rest;

/// <summary>One HTTP answer, body read in full, so the retry strategy can inspect it and nothing is left open.</summary>
internal sealed record RestResponse(int Status, byte[] Body, TimeSpan? RetryAfter, string? RequestId)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>The decoded body of a success (set inside the attempt, so a broken body can be retried).</summary>
    public object? Value { get; init; }

    /// <summary>Why a success's body is not well-formed JSON: a transport failure (cut short, garbled), not a schema change.</summary>
    public JsonException? BrokenBody { get; init; }

    /// <summary>Worth another attempt: throttled, request timeout, client closed (499), server errors, a broken body.</summary>
    public bool IsTransient => Status is 408 or 429 or 499 or >= 500 || BrokenBody is not null;
}
