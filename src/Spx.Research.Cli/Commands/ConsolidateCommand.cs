using System.CommandLine;
using Spx.Research.Cli.Parsing;
using Spx.Research.Configuration;
using Spx.Research.Consolidation;
using Spx.Research.Lake;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// <c>spx consolidate</c>: one row per option per minute into <c>option_minutes</c> (docs/consolidation.md);
/// <c>spx consolidate training</c> adds the forward returns.
/// </summary>
public static class ConsolidateCommand
{
    public static Command Create()
    {
        var range = new DateRangeOptions();
        var underlying = UnderlyingOption();
        var lake = CommonOptions.Lake();
        var command = new Command("consolidate", "One row per option per minute (bar, spot, VIX, news, moneyness, IV, greeks, returns) into option_minutes")
        {
            range.From, range.To, underlying, lake, ConsolidateTrainingCommand.Create(),
        };
        command.SetAction(parse =>
        {
            var (from, to) = range.Read(parse);
            var symbol = parse.GetValue(underlying) ?? "SPY";
            var pricing = CliConfiguration.Of(parse).Settings.Pricing;
            var options = new ConsolidationOptions(symbol, from, to, pricing.Rate, YieldOf(symbol, pricing));
            var root = CommonOptions.ResolveLake(parse, lake);
            if (!Directory.Exists(root)) throw new LakeNotFoundException(root);
            var days = Consolidator.Run(new LakeLayout(root), options);
            var output = parse.InvocationConfiguration.Output;
            foreach (var day in days)
                output.WriteLine($"{day.Date:yyyy-MM-dd}  {day.Rows,9:N0} option minutes  {(day.Write.Changed ? "written" : "unchanged")}");
            parse.InvocationConfiguration.Error.WriteLine(
                $"spx: option_minutes: {days.Sum(d => (long)d.Rows):N0} rows over {days.Count} dates ({days.Count(d => d.Write.Changed)} partitions changed)");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The <c>--underlying</c> option shared with the training step (default SPY).</summary>
    public static Option<string?> UnderlyingOption() => new("--underlying")
    {
        Description = "Whose options (default SPY; spot from stock_bars_1s)",
        CustomParser = ValueParsers.For(Tickers.Underlying),
    };

    private static double YieldOf(string underlying, PricingSettings pricing) => underlying == "SPX" ? pricing.SpxYield : pricing.SpyYield;
}
