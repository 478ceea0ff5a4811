using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Spx.Research.Cli.Output;
using Spx.Research.Cli.Parsing;
using Spx.Research.Synthetic;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// <c>spx generate --from D --to D [--seed N] [--lake DIR] [--profile sample|full|bench]</c>: writes the
/// synthetic market into a lake, replacing the partitions of each session it generates.
/// </summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var from = new Option<DateOnly>("--from") { Description = "First date (YYYY-MM-DD), inclusive", Required = true, CustomParser = CommonOptions.SessionDate() };
        var to = new Option<DateOnly>("--to") { Description = "Last date (YYYY-MM-DD), inclusive", Required = true, CustomParser = CommonOptions.SessionDate() };
        var seed = new Option<long>("--seed")
        {
            Description = $"Random seed: the same seed gives the same data (default {SampleLake.Seed}, the bundled sample lake's)",
            DefaultValueFactory = _ => SampleLake.Seed,
        };
        var profile = new Option<string>("--profile")
        {
            Description = "What to write: sample (small, the bundled lake), full (research-sized chains) or bench (SPY seconds + ~100 SPY contracts)",
            DefaultValueFactory = _ => "sample",
        };
        seed.CustomParser = ValueParsers.For(ValueParsers.Long());
        profile.AcceptOnlyFromAmong(SyntheticProfile.All.Select(p => p.Name).ToArray());
        var lake = CommonOptions.Lake();
        var command = new Command("generate", "Generate a deterministic synthetic SPX/SPY market into a lake (no API key needed)")
        {
            from, to, seed, profile, lake,
        };
        command.SetAction(parse =>
        {
            var first = parse.GetValue(from);
            var last = parse.GetValue(to);
            if (last < first) throw new UsageException($"--to {last:yyyy-MM-dd} is before --from {first:yyyy-MM-dd}");
            if (first < MarketModel.Default.Epoch) throw new UsageException($"--from {first:yyyy-MM-dd} is before the synthetic market's first session {MarketModel.Default.Epoch:yyyy-MM-dd}");
            var root = CommonOptions.ResolveLake(parse, lake);
            var options = new SyntheticMarketOptions { Seed = parse.GetValue(seed), Profile = SyntheticProfile.Named(parse.GetValue(profile)!) };
            var market = new SyntheticMarket(options);
            var sessions = market.Sessions(first, last).Count;
            if (sessions == 0) throw new UsageException($"no NYSE sessions between {first:yyyy-MM-dd} and {last:yyyy-MM-dd}");

            var output = parse.InvocationConfiguration.Output;
            var stopwatch = Stopwatch.StartNew();
            var rows = Run(market, first, last, root, output);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"generated {sessions} session(s), {rows:N0} rows, profile {options.Profile.Name}, seed {options.Seed} into {root} in {stopwatch.Elapsed.TotalSeconds:0.0} s"));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A live progress bar on a terminal; one line per session otherwise (logs, CI, Cake).</summary>
    private static long Run(SyntheticMarket market, DateOnly first, DateOnly last, string root, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        if (!console.Profile.Capabilities.Interactive || Console.IsOutputRedirected || output != Console.Out)
        {
            var lines = new SyncProgress<GenerationProgress>(p => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{p.LastDate:yyyy-MM-dd}  {p.SessionsDone}/{p.SessionsTotal} sessions  {p.RowsWritten:N0} rows")));
            return SyntheticLakeWriter.Generate(market, first, last, root, lines);
        }

        long rows = 0;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("generating", maxValue: market.Sessions(first, last).Count);
                rows = SyntheticLakeWriter.Generate(market, first, last, root, new SyncProgress<GenerationProgress>(p =>
                {
                    task.Value = p.SessionsDone;
                    task.Description = $"{p.LastDate:yyyy-MM-dd}  {p.RowsWritten:N0} rows";
                }));
            });
        return rows;
    }
}
