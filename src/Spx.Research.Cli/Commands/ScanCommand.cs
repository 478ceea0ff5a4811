using System.CommandLine;

namespace Spx.Research.Cli.Commands;

/// <summary><c>spx scan …</c>: the scanners over the lake (docs/scanner.md).</summary>
public static class ScanCommand
{
    public static Command Create() => new("scan", "Scan the lake for events: momentum (options whose price runs ≥ a threshold over the day's first open)")
    {
        ScanMomentumCommand.Create(),
    };
}
