using System.CommandLine;
using Spx.Research.Cli.Parsing;
using Spx.Research.Consolidation;
using Spx.Research.Lake;

namespace Spx.Research.Cli.Commands;

/// <summary><c>spx consolidate training</c>: forward returns of <c>option_minutes</c> at the given horizons into <c>option_forward_returns</c>.</summary>
public static class ConsolidateTrainingCommand
{
    public static Command Create()
    {
        var range = new DateRangeOptions();
        var underlying = ConsolidateCommand.UnderlyingOption();
        var horizons = new Option<int[]>("--horizons")
        {
            Description = "Forward horizons in minutes, comma separated (default 1,5,15)",
            CustomParser = ValueParsers.For(Horizons),
            DefaultValueFactory = _ => [1, 5, 15],
        };
        var lake = CommonOptions.Lake();
        var command = new Command("training", "Forward returns of each option minute at the given horizons into option_forward_returns")
        {
            range.From, range.To, underlying, horizons, lake,
        };
        command.SetAction(parse =>
        {
            var (from, to) = range.Read(parse);
            var root = CommonOptions.ResolveLake(parse, lake);
            if (!Directory.Exists(root)) throw new LakeNotFoundException(root);
            var written = ForwardReturns.Run(new LakeLayout(root), parse.GetValue(underlying) ?? "SPY", from, to, parse.GetValue(horizons)!);
            parse.InvocationConfiguration.Error.WriteLine(
                $"spx: option_forward_returns: {written.Sum(w => w.Rows):N0} rows over {written.Count} dates ({written.Count(w => w.Changed)} partitions changed)");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int[] Horizons(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries).Select(ValueParsers.Int(1, 390)).ToArray();
}
