using System.CommandLine;
using Spx.Research.Cli.Output;
using Spx.Research.Cli.Parsing;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Cli.Commands;

/// <summary><c>spx api aggs</c>: aggregate bars of one ticker, printed as parsed (shared options: <see cref="ApiOptions"/>).</summary>
internal static class ApiAggsCommand
{
    public static Command Create()
    {
        var ticker = new Argument<string>("ticker") { Description = "SPY, I:SPX, I:VIX or an O: option ticker", CustomParser = ValueParsers.For(Tickers.Any) };
        var from = new Option<DateOnly>("--from") { Description = "First date (YYYY-MM-DD)", Required = true, CustomParser = ApiParsing.ApiDate() };
        var to = new Option<DateOnly>("--to") { Description = "Last date (YYYY-MM-DD), inclusive", Required = true, CustomParser = ApiParsing.ApiDate() };
        var timespan = new Option<AggregateTimespan?>("--timespan")
        {
            Description = "Bar unit (default minute)", HelpName = ValueParsers.ChoiceList<AggregateTimespan>("|"),
            CustomParser = ValueParsers.Optional(ValueParsers.Choice<AggregateTimespan>()),
        };
        var multiplier = new Option<int>("--multiplier") { Description = "Bar size in timespans", DefaultValueFactory = _ => 1, CustomParser = ValueParsers.For(ValueParsers.Int(1)) };
        var command = new Command("aggs", "Aggregate bars: /v2/aggs/ticker/{ticker}/range/…") { ticker, from, to, timespan, multiplier };
        command.SetAction((parse, ct) => ApiRestCall.Run(parse, ct, async client =>
        {
            var (first, last) = ApiParsing.Ordered(from, parse.GetValue(from), to, parse.GetValue(to));
            var rows = new List<object?[]>();
            await foreach (var bar in client.Aggregates(parse.GetValue(ticker)!, parse.GetValue(multiplier), parse.GetValue(timespan) ?? AggregateTimespan.Minute, first, last, cancellationToken: ct))
                rows.Add([bar.Start, bar.Open, bar.High, bar.Low, bar.Close, bar.Volume, bar.Vwap, bar.Transactions]);
            return new ResultTable(["start_utc", "open", "high", "low", "close", "volume", "vwap", "trades"], rows);
        }));
        return command;
    }
}
