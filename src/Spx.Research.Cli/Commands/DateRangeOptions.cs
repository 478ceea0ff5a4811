using System.CommandLine;
using Spx.Research.Cli.Parsing;

namespace Spx.Research.Cli.Commands;

/// <summary>The required <c>--from</c>/<c>--to</c> pair of New York dates, with the reversed-range usage error.</summary>
public sealed class DateRangeOptions
{
    public Option<DateOnly> From { get; } = new("--from") { Description = "First New York date (YYYY-MM-DD)", Required = true, CustomParser = ValueParsers.For(ValueParsers.Date()) };

    public Option<DateOnly> To { get; } = new("--to") { Description = "Last New York date (YYYY-MM-DD), inclusive", Required = true, CustomParser = ValueParsers.For(ValueParsers.Date()) };

    /// <summary>Both dates; a usage error when <c>--from</c> is after <c>--to</c>.</summary>
    public (DateOnly From, DateOnly To) Read(ParseResult parse)
    {
        var from = parse.GetValue(From);
        var to = parse.GetValue(To);
        if (from > to) throw new UsageException($"--from {from:yyyy-MM-dd} is after --to {to:yyyy-MM-dd}");
        return (from, to);
    }
}
