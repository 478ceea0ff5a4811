using System.CommandLine;
using Spx.Research.Cli.Output;
using Spx.Research.Cli.Parsing;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Cli.Commands;

/// <summary><c>spx api chain</c>: the option chain snapshot of an underlying, printed as parsed (shared options: <see cref="ApiOptions"/>).</summary>
internal static class ApiChainCommand
{
    public static Command Create()
    {
        var underlying = new Argument<string>("underlying") { Description = "SPX (or I:SPX), SPY, …", CustomParser = ValueParsers.For(Tickers.Underlying) };
        var (expiryFrom, expiryTo) = ApiParsing.ExpiryOptions();
        var (strikeFrom, strikeTo) = ApiParsing.StrikeOptions();
        var type = ApiParsing.ContractTypeOption();
        var command = new Command("chain", "Option chain snapshot: /v3/snapshot/options/{underlying}")
        {
            underlying, expiryFrom, expiryTo, strikeFrom, strikeTo, type,
        };
        command.SetAction((parse, ct) => ApiRestCall.Run(parse, ct, async client =>
        {
            var query = new OptionChainQuery
            {
                ExpirationDate = ApiParsing.Range(expiryFrom, expiryTo, parse),
                StrikePrice = ApiParsing.Range(strikeFrom, strikeTo, parse),
                ContractType = parse.GetValue(type),
            };
            var rows = new List<object?[]>();
            await foreach (var s in client.OptionChain(parse.GetValue(underlying)!, query, ct))
            {
                rows.Add([s.Details?.Ticker, s.Details?.ExpirationDate, s.Details?.ContractType, s.Details?.StrikePrice,
                    s.LastQuote?.Bid, s.LastQuote?.Ask, s.Day?.Volume, s.OpenInterest, s.ImpliedVolatility,
                    s.Greeks?.Delta, s.Greeks?.Gamma, s.Greeks?.Theta, s.Greeks?.Vega, s.UnderlyingAsset?.Level]);
            }

            return new ResultTable(
                ["ticker", "expiration", "type", "strike", "bid", "ask", "day_volume", "open_interest", "iv", "delta", "gamma", "theta", "vega", "underlying"], rows);
        }));
        return command;
    }
}
