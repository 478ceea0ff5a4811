namespace Spx.Research.ScannerReport;

/// <summary>One cell of the IV surface: the median solved IV of a session's option minutes at one expiry and moneyness bucket.</summary>
public sealed record SurfaceCell(DateOnly Expiry, double Moneyness, double Iv);
