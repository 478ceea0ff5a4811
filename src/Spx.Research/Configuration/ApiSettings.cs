namespace Spx.Research.Configuration;

/// <summary>The API endpoint and the client's budget. The key is not here: it comes from <c>MASSIVE_API_KEY</c> or <c>POLYGON_API_KEY</c>.</summary>
public sealed record ApiSettings
{
    /// <summary>The live API, or a simulator such as <c>http://127.0.0.1:8765</c>.</summary>
    public Uri BaseUrl { get; init; } = new("https://api.massive.com");

    /// <summary>The plan's request budget: <c>free</c> (5 a minute) or <c>unlimited</c> (paid plans).</summary>
    public string Plan { get; init; } = "free";

    /// <summary>Timeout of one request attempt.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt of a request that failed transiently.</summary>
    public int Retries { get; init; } = 4;
}
