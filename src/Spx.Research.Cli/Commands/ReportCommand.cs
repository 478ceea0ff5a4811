using System.CommandLine;
using Spx.Research.Cli.Parsing;
using Spx.Research.Lake;
using Spx.Research.Scanning;
using Spx.Research.ScannerReport;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// <c>spx report</c>: the scanner report, one self-contained offline HTML page (plotly.js inlined) read from
/// the lake — summary, hour distribution, events on the underlying, the IV surface, consolidation coverage
/// (docs/scanner-report.md). Writes nothing to the lake; the page is replaced whole or not at all.
/// </summary>
public static class ReportCommand
{
    /// <summary>Where the page goes without <c>--output</c>.</summary>
    public const string DefaultOutput = "scanner-report.html";

    public static Command Create()
    {
        var from = new Option<DateOnly?>("--from") { Description = "First New York date reported (default: the lake's first)", CustomParser = ValueParsers.Optional(ValueParsers.Date()) };
        var to = new Option<DateOnly?>("--to") { Description = "Last New York date reported (default: the lake's last)", CustomParser = ValueParsers.Optional(ValueParsers.Date()) };
        var session = new Option<DateOnly?>("--session") { Description = "Session of the IV surface (default: the last date in range with option_minutes)", CustomParser = ValueParsers.Optional(ValueParsers.Date()) };
        var underlying = new Option<string?>("--underlying") { Description = "Whose options (default: scanner.underlying, else SPY)", CustomParser = ValueParsers.For(Tickers.Underlying) };
        var threshold = new Option<double?>("--threshold") { Description = "Momentum threshold as a fraction (default: scanner.momentum_threshold, else 0.20)", CustomParser = ValueParsers.Optional(ValueParsers.Number(0, exclusive: true)) };
        var output = new Option<string?>("--output") { Description = $"The HTML file to write (default: ./{DefaultOutput})", HelpName = "file.html" };
        var lake = CommonOptions.Lake();
        var command = new Command("report", "Write the scanner report: one offline HTML page with the scan summary, events on the underlying, the IV surface and consolidation coverage")
        {
            from, to, session, underlying, threshold, output, lake,
        };
        command.SetAction(parse =>
        {
            var settings = CliConfiguration.Of(parse).Settings.Scanner;
            var scan = new MomentumScanOptions(
                parse.GetValue(underlying) ?? settings.Underlying,
                parse.GetValue(threshold) ?? settings.MomentumThreshold,
                parse.GetValue(from),
                parse.GetValue(to));
            if (scan.From > scan.To) throw new UsageException($"--from {scan.From:yyyy-MM-dd} is after --to {scan.To:yyyy-MM-dd}");
            var options = new ScannerReportOptions(scan, parse.GetValue(session));
            return Run(parse, options, CommonOptions.ResolveLake(parse, lake), parse.GetValue(output) ?? DefaultOutput);
        });
        return command;
    }

    private static int Run(ParseResult parse, ScannerReportOptions options, string root, string output)
    {
        if (!output.EndsWith(".html", StringComparison.OrdinalIgnoreCase) && !output.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"--output {output}: expected an .html file");
        using var lake = LakeSession.Open(root);
        var data = ScannerReportReader.Read(lake, options);
        LakeCommand.WriteWarnings(lake, parse.InvocationConfiguration.Error);
        var page = ScannerReportPage.Build(data, options);
        var path = page.Save(output);
        parse.InvocationConfiguration.Output.WriteLine(
            $"report: {path} ({data.Scan.Summary.Events} events, {page.Figures.Count} charts{(data.HasOptionMinutes ? "" : ", no option_minutes: IV surface not drawn")})");
        return ExitCodes.Ok;
    }
}
