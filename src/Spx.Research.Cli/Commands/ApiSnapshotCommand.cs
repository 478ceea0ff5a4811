using System.CommandLine;
using Spx.Research.Cli.Output;
using Spx.Research.Cli.Parsing;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Cli.Commands;

/// <summary><c>spx api snapshot</c>: the unified snapshot of any tickers, printed as parsed (shared options: <see cref="ApiOptions"/>).</summary>
internal static class ApiSnapshotCommand
{
    public static Command Create()
    {
        var tickers = new Argument<string[]>("tickers")
        {
            Description = "Tickers (any number; sent in batches of 250)", Arity = ArgumentArity.OneOrMore, CustomParser = ValueParsers.Each(Tickers.Any),
        };
        var command = new Command("snapshot", "Unified snapshot: /v3/snapshot?ticker.any_of=… (per-ticker errors shown, not thrown)") { tickers };
        command.SetAction((parse, ct) => ApiRestCall.Run(parse, ct, async client =>
        {
            var rows = new List<object?[]>();
            await foreach (var item in client.Snapshots(parse.GetValue(tickers)!, cancellationToken: ct))
            {
                rows.Add(item switch
                {
                    UnifiedSnapshot s => [s.Ticker, s.Type, s.Session?.Close ?? s.Value, s.Session?.Volume, s.OpenInterest, s.ImpliedVolatility, s.MarketStatus, null],
                    UnifiedSnapshotError e => [e.Ticker, null, null, null, null, null, null, $"{e.Error}: {e.Message}"],
                    _ => [item.Ticker, null, null, null, null, null, null, null],
                });
            }

            return new ResultTable(["ticker", "type", "price", "volume", "open_interest", "iv", "market_status", "error"], rows);
        }));
        return command;
    }
}
