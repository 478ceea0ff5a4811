using System.CommandLine;
using Spx.Research.Cli.Output;
using Spx.Research.Cli.Parsing;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Cli.Commands;

/// <summary><c>spx api news</c>: ticker news, newest first, printed as parsed (shared options: <see cref="ApiOptions"/>).</summary>
internal static class ApiNewsCommand
{
    public static Command Create()
    {
        var ticker = new Option<string?>("--ticker") { Description = "Only articles about this ticker", CustomParser = ValueParsers.For(Tickers.Underlying) };
        var limit = new Option<int>("--limit") { Description = "Articles to fetch (newest first)", DefaultValueFactory = _ => 20, CustomParser = ValueParsers.For(ValueParsers.Int(1)) };
        var command = new Command("news", "Ticker news: /v2/reference/news") { ticker, limit };
        command.SetAction((parse, ct) => ApiRestCall.Run(parse, ct, async client =>
        {
            var wanted = parse.GetValue(limit);
            var rows = new List<object?[]>();
            await foreach (var n in client.News(new NewsQuery { Ticker = parse.GetValue(ticker), Order = SortOrder.Desc, Limit = Math.Min(wanted, 1000) }, ct))
            {
                var sentiment = n.Insights is { Count: > 0 } insights ? string.Join(" ", insights.Select(i => $"{i.Ticker}:{i.Sentiment}")) : null;
                rows.Add([n.PublishedUtc, string.Join(",", n.Tickers ?? []), n.Title, n.Publisher?.Name, sentiment]);
                if (rows.Count >= wanted) break;
            }

            return new ResultTable(["published_utc", "tickers", "title", "publisher", "sentiment"], rows);
        }));
        return command;
    }
}
