namespace Spx.Research.Cli;

/// <summary>
/// A request the parser accepted but that makes no sense (e.g. <c>--from</c> after <c>--to</c>);
/// reported like a parse error, with exit code 2.
/// </summary>
public sealed class UsageException(string message) : Exception(message);
