using System.CommandLine;
using Spx.Research.Cli.Output;
using Spx.Research.Cli.Parsing;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Cli.Commands;

/// <summary><c>spx api contracts</c>: the options contracts reference, printed as parsed (shared options: <see cref="ApiOptions"/>).</summary>
internal static class ApiContractsCommand
{
    public static Command Create()
    {
        var underlying = new Option<string>("--underlying") { Description = "Underlying ticker, e.g. SPX or SPY", Required = true, CustomParser = ValueParsers.For(Tickers.Underlying) };
        var asOf = new Option<DateOnly?>("--as-of") { Description = "Contracts listed on this date (YYYY-MM-DD; default: today)", CustomParser = ValueParsers.Optional(ApiParsing.ApiDates) };
        var (expiryFrom, expiryTo) = ApiParsing.ExpiryOptions();
        var (strikeFrom, strikeTo) = ApiParsing.StrikeOptions();
        var type = ApiParsing.ContractTypeOption();
        var command = new Command("contracts", "Options contracts reference: /v3/reference/options/contracts")
        {
            underlying, asOf, expiryFrom, expiryTo, strikeFrom, strikeTo, type,
        };
        command.SetAction((parse, ct) => ApiRestCall.Run(parse, ct, async client =>
        {
            var query = new OptionsContractsQuery
            {
                UnderlyingTicker = parse.GetValue(underlying),
                AsOf = parse.GetValue(asOf),
                ExpirationDate = ApiParsing.Range(expiryFrom, expiryTo, parse),
                StrikePrice = ApiParsing.Range(strikeFrom, strikeTo, parse),
                ContractType = parse.GetValue(type),
            };
            var rows = new List<object?[]>();
            await foreach (var c in client.OptionsContracts(query, ct))
                rows.Add([c.Ticker, c.UnderlyingTicker, c.ContractType, c.ExpirationDate, c.StrikePrice, c.ExerciseStyle, c.SharesPerContract, c.PrimaryExchange]);
            return new ResultTable(["ticker", "underlying", "type", "expiration", "strike", "style", "shares", "exchange"], rows);
        }));
        return command;
    }
}
