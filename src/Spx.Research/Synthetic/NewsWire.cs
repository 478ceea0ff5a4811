using MathNet.Numerics.Distributions;
using Spx.Research.Market;

namespace Spx.Research.Synthetic;

/// <summary>
/// Headlines through the day (07:00–18:00 New York): market wraps whose sentiment follows the index, single
/// stock items, and a headline just before each sharp SPY move that points the same way.
/// </summary>
internal static class NewsWire
{
    private static readonly string[] Stocks = ["AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "JPM", "XOM", "UNH"];
    private static readonly string[] Publishers = ["Synthetic Wire", "Market Desk", "Options Daily", "Macro Brief"];
    private static readonly string[] Authors = ["A. Rivera", "J. Chen", "M. Okafor", "S. Novak", "L. Haddad"];

    private static readonly string[] PositiveWraps =
    [
        "Stocks climb as {0} rallies; S&P 500 up {1:0.0}%",
        "S&P 500 advances {1:0.0}% as volatility eases",
        "Equities rise, VIX slips below {2:0} on upbeat data",
    ];

    private static readonly string[] NegativeWraps =
    [
        "Stocks slide as yields jump; S&P 500 down {1:0.0}%",
        "S&P 500 falls {1:0.0}% as {0} weighs on tech",
        "Volatility spikes, VIX tops {2:0} as sellers return",
    ];

    private static readonly string[] NeutralWraps =
    [
        "Stocks little changed ahead of Fed speakers",
        "S&P 500 drifts as traders await inflation data",
        "Markets mixed; {0} in focus after analyst day",
    ];

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="newsPerSession"/> is negative or not a number.</exception>
    public static List<NewsItem> Generate(IndexPath path, MarketModel model, MomentumEvent? momentum, double newsPerSession, long seed)
    {
        if (!(newsPerSession >= 0))
            throw new ArgumentOutOfRangeException(nameof(newsPerSession), newsPerSession, $"SyntheticProfile.NewsPerSession must be 0 or more, found {newsPerSession}");
        var session = path.Session;
        var random = RandomStreams.Create(seed, "news", session.Date);
        // Poisson rejects a rate of 0, which means "no news" here; a rate above 0 draws exactly as before.
        var count = newsPerSession > 0 ? Poisson.Sample(random, newsPerSession) : 0;
        var dayStart = NewYorkTime.ToUtc(session.Date, new TimeOnly(7, 0));
        var items = new List<NewsItem>();
        for (var i = 0; i < count; i++)
        {
            var published = dayStart.AddSeconds(Math.Floor(random.NextDouble() * 11 * 3600));
            var stock = Stocks[random.Next(Stocks.Length)];
            var marketItem = random.NextDouble() < 0.5;
            // Only what is known when the item is published: the move since yesterday's close so far.
            var second = Math.Clamp((int)(published - session.Open).TotalSeconds, 0, path.Seconds);
            var dayReturn = path.Spx[second] / path.Outline.PreviousClose - 1;
            var vix = model.Vix(path.Variance[second]);
            var tone = marketItem ? Tone(dayReturn + Normal.Sample(random, 0, 0.004)) : Tone(Normal.Sample(random, 0, 0.01));
            var template = tone switch
            {
                "positive" => PositiveWraps[random.Next(PositiveWraps.Length)],
                "negative" => NegativeWraps[random.Next(NegativeWraps.Length)],
                _ => NeutralWraps[random.Next(NeutralWraps.Length)],
            };
            var title = marketItem
                ? string.Format(System.Globalization.CultureInfo.InvariantCulture, template, stock, Math.Abs(dayReturn) * 100, vix)
                : StockTitle(stock, tone, random);
            IReadOnlyList<string> tickers = marketItem ? ["SPY", stock] : [stock];
            items.Add(Item(session.Date, i, published, tickers, title, tone, marketItem ? "market" : "company", random));
        }

        if (momentum is not null)
        {
            var published = session.Open.AddMinutes(momentum.StartMinute).AddSeconds(-30 - random.Next(90));
            var tone = momentum.Sigmas > 0 ? "positive" : "negative";
            var title = momentum.Sigmas > 0 ? "Headline: surprise policy comments lift futures" : "Headline: geopolitical report hits risk appetite";
            items.Add(Item(session.Date, count, published, ["SPY"], title, tone, "breaking", random));
        }

        return items.OrderBy(n => n.PublishedUtc).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
    }

    private static string Tone(double move) => move > 0.003 ? "positive" : move < -0.003 ? "negative" : "neutral";

    private static string StockTitle(string stock, string tone, Random random) => tone switch
    {
        "positive" => random.NextDouble() < 0.5 ? $"{stock} beats estimates, raises guidance" : $"{stock} upgraded to buy",
        "negative" => random.NextDouble() < 0.5 ? $"{stock} misses on revenue; shares slip" : $"{stock} downgraded on margin worries",
        _ => $"{stock} to present at industry conference",
    };

    private static NewsItem Item(DateOnly date, int index, DateTimeOffset published, IReadOnlyList<string> tickers, string title, string tone, string keyword, Random random)
    {
        var id = $"sim-{date:yyyyMMdd}-{index:D3}";
        return new NewsItem(
            id, published, tickers, title,
            $"Synthetic article for research use. {title}.",
            $"https://news.example/synthetic/{id}",
            Publishers[random.Next(Publishers.Length)],
            Authors[random.Next(Authors.Length)],
            [keyword, .. tickers.Select(t => t.ToLowerInvariant())],
            tone,
            $"Generated with {tone} tone from the session's simulated move.");
    }
}
