namespace Spx.Research.Cli;

/// <summary>The exit codes every verb uses, so scripts and Cake can tell failure from misuse.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
}
