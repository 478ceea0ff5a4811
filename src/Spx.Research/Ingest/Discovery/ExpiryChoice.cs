namespace Spx.Research.Ingest.Discovery;

/// <summary>Which listed expiry a session's options follow (<c>ingest.expiry</c>).</summary>
public enum ExpiryChoice
{
    /// <summary>The session's own expiry when one is listed, else the next listed one.</summary>
    ZeroDte,

    /// <summary>The first listed expiry after the session.</summary>
    OneDte,
}
