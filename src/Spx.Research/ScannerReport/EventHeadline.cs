namespace Spx.Research.ScannerReport;

/// <summary>The news item about the underlying published last before an event's trigger (none: null title).</summary>
public sealed record EventHeadline(string Ticker, DateTimeOffset TriggerTs, string? Title, DateTimeOffset? PublishedUtc);
