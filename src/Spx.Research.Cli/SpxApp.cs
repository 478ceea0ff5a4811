using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using Spx.Research.Cli.Commands;
using Spx.Research.Configuration;

namespace Spx.Research.Cli;

/// <summary>
/// The <c>spx</c> command: builds the verb tree and runs it with one error policy — exit 0 on success,
/// 1 on failure, 2 on a usage error; errors on one line, stack traces only with <c>--verbose</c>.
/// </summary>
public static class SpxApp
{
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("spx — SPX/SPY options research workspace: calendar, lake, SQL, synthetic market, notebooks, Polygon API and simulator")
        {
            CommonOptions.Verbose,
            CommonOptions.Config,
        };
        root.Add(CalendarCommand.Create());
        root.Add(LakeCommand.Create());
        root.Add(SqlCommand.Create());
        root.Add(GenerateCommand.Create());
        root.Add(SamplesCommand.Create());
        root.Add(NotebookCommand.Create());
        root.Add(ApiCommand.Create());
        root.Add(SimulateCommand.Create());
        root.Add(MonitorCommand.Create());
        root.Add(IngestCommand.Create());
        root.Add(ConfigCommand.Create());
        root.Add(ExportCommand.Create());
        root.Add(ScanCommand.Create());
        root.Add(PriceCommand.Create());
        root.Add(ConsolidateCommand.Create());
        root.Add(ReportCommand.Create());
        return root;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = CreateRoot();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            error.WriteLine(UsageLine(parse));
            return ExitCodes.Usage;
        }

        var verbose = parse.GetValue(CommonOptions.Verbose);
        var config = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            LoadConfiguration(parse);
            return parse.Invoke(config);
        }
        catch (UsageException usage)
        {
            error.WriteLine($"spx: {OneLine(usage.Message)}");
            return ExitCodes.Usage;
        }
        catch (ConfigurationException bad)
        {
            var check = ConfigCommand.ReadsItsOwnFile(parse);
            foreach (var line in bad.Errors) error.WriteLine(check ? line : $"spx: error: {line}");
            return ExitCodes.Failure;
        }
        catch (Exception failure)
        {
            error.WriteLine(verbose ? $"spx: error: {failure}" : $"spx: error: {OneLine(failure)}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>
    /// Reads the configuration before any verb starts, so a bad file stops every verb (help and version excepted,
    /// and <c>config check</c>, which reads only its argument).
    /// </summary>
    private static void LoadConfiguration(ParseResult parse)
    {
        if (parse.Action is HelpAction || parse.Tokens.Any(t => t.Value == "--version") || ConfigCommand.ReadsItsOwnFile(parse)) return;
        CliConfiguration.Of(parse);
    }

    /// <summary>
    /// Every parse error on one line, with where to look: <c>spx: --from '03/04/2025' is not a date: use YYYY-MM-DD,
    /// e.g. 2025-03-04 (see 'spx calendar --help')</c>. Scripts read stderr line by line, so one error is one line.
    /// </summary>
    private static string UsageLine(ParseResult parse)
    {
        var messages = parse.Errors.Select(e => OneLine(e.Message).TrimEnd('.')).Distinct();
        var verb = new List<string>();
        for (var result = parse.CommandResult; result.Command is not RootCommand && result.Parent is CommandResult parent; result = parent)
            verb.Insert(0, result.Command.Name);
        return $"spx: {string.Join("; ", messages)} (see 'spx {string.Join(' ', [.. verb, "--help"])}')";
    }

    /// <summary>The innermost useful message, folded onto one line.</summary>
    private static string OneLine(Exception failure) =>
        OneLine(failure is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0].Message : failure.Message);

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
