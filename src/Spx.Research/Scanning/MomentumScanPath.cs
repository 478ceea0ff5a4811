namespace Spx.Research.Scanning;

/// <summary>How <see cref="MomentumScanner"/> finds the runs; both give the same scan (docs/scanner.md).</summary>
public enum MomentumScanPath
{
    /// <summary>One pass over each date's bars in stored order (<see cref="MomentumKernel"/>); dates not stored in order go the SQL way.</summary>
    Kernel,

    /// <summary>Gaps and islands in DuckDB SQL, two window passes (sorts) per contract-day: the slower reference.</summary>
    Sql,
}
