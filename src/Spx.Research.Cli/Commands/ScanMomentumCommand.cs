using System.CommandLine;
using Spx.Research.Cli.Output;
using Spx.Research.Cli.Parsing;
using Spx.Research.Lake;
using Spx.Research.Scanning;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// <c>spx scan momentum</c>: the momentum scan over <c>option_bars_1m</c>, its summary on stdout, its events
/// stored in <c>momentum_events</c> (one partition replace per scanned date) unless <c>--dry-run</c>.
/// </summary>
public static class ScanMomentumCommand
{
    public static Command Create()
    {
        var underlying = new Option<string?>("--underlying")
        {
            Description = "Whose options to scan (default: scanner.underlying of the configuration, else SPY)",
            CustomParser = ValueParsers.For(Tickers.Underlying),
        };
        var threshold = new Option<double?>("--threshold")
        {
            Description = "A bar is above when its close ≥ the day's first open × (1 + threshold); a fraction in (0, 10] (default: scanner.momentum_threshold, else 0.20)",
            CustomParser = ValueParsers.Optional(Threshold),
        };
        var from = new Option<DateOnly?>("--from") { Description = "First New York date scanned (default: the lake's first)", CustomParser = ValueParsers.Optional(ValueParsers.Date()) };
        var to = new Option<DateOnly?>("--to") { Description = "Last New York date scanned (default: the lake's last)", CustomParser = ValueParsers.Optional(ValueParsers.Date()) };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the summary only; write nothing to the lake" };
        var lake = CommonOptions.Lake();
        var format = CommonOptions.Format();
        var command = new Command("momentum", "Contract-days, events (runs of bars closing ≥ threshold over the day's first open), rate, duration and trigger hours; events into momentum_events")
        {
            underlying, threshold, from, to, dryRun, lake, format,
        };
        command.SetAction(parse =>
        {
            var settings = CliConfiguration.Of(parse).Settings.Scanner;
            var options = new MomentumScanOptions(
                parse.GetValue(underlying) ?? settings.Underlying,
                parse.GetValue(threshold) ?? settings.MomentumThreshold,
                parse.GetValue(from),
                parse.GetValue(to));
            if (options.From > options.To) throw new UsageException($"--from {options.From:yyyy-MM-dd} is after --to {options.To:yyyy-MM-dd}");
            return Run(parse, options, CommonOptions.ResolveLake(parse, lake), parse.GetValue(dryRun), parse.GetValue(format));
        });
        return command;
    }

    private static int Run(ParseResult parse, MomentumScanOptions options, string root, bool dryRun, OutputFormat format)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        using var session = LakeSession.Open(root);
        var scan = MomentumScanner.Run(session, options);
        LakeCommand.WriteWarnings(session, error);
        if (scan.Summary.ContractDays == 0)
        {
            error.WriteLine($"spx: no {options.Underlying} option bars in option_bars_1m for {options.RangeText()} in {root}: nothing to scan");
            return ExitCodes.Ok;
        }
        if (!dryRun)
        {
            var written = MomentumEventStore.Replace(session.Layout, session.Registry, scan);
            error.WriteLine($"spx: momentum_events: {scan.Events.Count} events over {written.Count} dates stored ({written.Count(w => w.Changed)} partitions changed)");
        }
        MomentumSummaryWriter.Write(scan, format, output);
        return ExitCodes.Ok;
    }

    private static double Threshold(string text)
    {
        var value = ValueParsers.Number(0, exclusive: true)(text);
        return value <= 10 ? value : throw new FormatException("is more than 10: the threshold is a fraction, e.g. 0.2 for 20 %");
    }
}
