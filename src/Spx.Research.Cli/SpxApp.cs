using System.CommandLine;
using Spx.Research.Cli.Commands;

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
        };
        root.Add(CalendarCommand.Create());
        root.Add(LakeCommand.Create());
        root.Add(SqlCommand.Create());
        root.Add(GenerateCommand.Create());
        root.Add(SamplesCommand.Create());
        root.Add(NotebookCommand.Create());
        root.Add(ApiCommand.Create());
        root.Add(SimulateCommand.Create());
        return root;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = CreateRoot();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors) error.WriteLine($"spx: {parseError.Message}");
            error.WriteLine("Run 'spx --help' (or 'spx VERB --help') for usage.");
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
            return parse.Invoke(config);
        }
        catch (UsageException usage)
        {
            error.WriteLine($"spx: {usage.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception failure)
        {
            error.WriteLine(verbose ? $"spx: error: {failure}" : $"spx: error: {OneLine(failure)}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>The innermost useful message, folded onto one line.</summary>
    private static string OneLine(Exception failure)
    {
        var message = failure is AggregateException { InnerExceptions.Count: 1 } aggregate
            ? aggregate.InnerExceptions[0].Message
            : failure.Message;
        return string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
