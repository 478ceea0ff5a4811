namespace Spx.Research.ScannerReport;

/// <summary>One point of the underlying's line: the last minute close of a time bucket.</summary>
public sealed record UnderlyingPoint(DateTimeOffset Ts, double Close);
