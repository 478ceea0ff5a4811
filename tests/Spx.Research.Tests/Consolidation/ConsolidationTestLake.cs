using Spx.Research.Consolidation;
using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Tests.Lake;

namespace Spx.Research.Tests.Consolidation;

/// <summary>
/// A tiny hand-written lake for consolidation: option minute bars (New York minutes after 09:30, close, volume),
/// SPY second bars and I:VIX minute bars at offsets after 09:30, and news items, each written with <see cref="LakeWriter"/>.
/// </summary>
internal sealed class ConsolidationTestLake : IDisposable
{
    public const double Rate = 0.04;
    public const double Yield = 0.01;

    private readonly TempLake _lake = new();

    public LakeLayout Layout => _lake.Layout;

    public string Root => _lake.Root;

    /// <summary>One option bar: New York minutes after 09:30, its close (also open, high, low) and volume.</summary>
    public readonly record struct Bar(int Minute, double Close, long Volume = 10);

    public void WriteOptionBars(DateOnly day, string ticker, params Bar[] bars)
    {
        var contract = OptionTicker.Parse(ticker);
        Write("option_bars_1m", day, appender =>
        {
            foreach (var bar in bars)
            {
                appender.CreateRow()
                    .AppendValue(ticker).AppendValue(contract.Underlying).AppendValue(contract.Expiry)
                    .AppendValue(contract.Right == OptionRight.Put ? "P" : "C").AppendValue((double)contract.Strike)
                    .AppendValue(At(day, TimeSpan.FromMinutes(bar.Minute))).AppendValue(bar.Close).AppendValue(bar.Close)
                    .AppendValue(bar.Close).AppendValue(bar.Close).AppendValue(bar.Volume)
                    .AppendValue((double?)null).AppendValue((long?)null)
                    .EndRow();
            }
        });
    }

    /// <summary>SPY second bars at the given offsets after 09:30 New York.</summary>
    public void WriteSpot(DateOnly day, params (TimeSpan Offset, double Close)[] bars) => Write("stock_bars_1s", day, appender =>
    {
        foreach (var (offset, close) in bars)
        {
            appender.CreateRow().AppendValue("SPY").AppendValue(At(day, offset)).AppendValue(close).AppendValue(close).AppendValue(close)
                .AppendValue(close).AppendValue(100.0).AppendValue((double?)null).AppendValue((long?)null).EndRow();
        }
    });

    /// <summary>I:VIX minute bars at the given offsets after 09:30 New York.</summary>
    public void WriteVix(DateOnly day, params (TimeSpan Offset, double Close)[] bars) => Write("index_bars_1m", day, appender =>
    {
        foreach (var (offset, close) in bars)
            appender.CreateRow().AppendValue("I:VIX").AppendValue(At(day, offset)).AppendValue(close).AppendValue(close).AppendValue(close).AppendValue(close).EndRow();
    });

    /// <summary>News items of <paramref name="day"/>: id, instant published, tickers, sentiment.</summary>
    public void WriteNews(DateOnly day, params (string Id, DateTimeOffset Published, string[] Tickers, string Sentiment)[] items) => Write("news", day, appender =>
    {
        foreach (var (id, published, tickers, sentiment) in items)
        {
            appender.CreateRow().AppendValue(id).AppendValue(published).AppendValue(tickers.ToList()).AppendValue("title " + id)
                .AppendValue((string?)null).AppendValue((string?)null).AppendValue((string?)null).AppendValue((string?)null)
                .AppendValue((List<string>?)null).AppendValue(sentiment).AppendValue((string?)null).EndRow();
        }
    });

    public IReadOnlyList<ConsolidatedDay> Consolidate(DateOnly from, DateOnly to) =>
        Consolidator.Run(Layout, new ConsolidationOptions("SPY", from, to, Rate, Yield));

    /// <summary>The stored option minutes of a ticker, in time order, as columns.</summary>
    public DuckDbColumnarResult Minutes(string ticker)
    {
        using var session = _lake.Session();
        return session.Columnar($"SELECT * EXCLUDE (date) FROM option_minutes WHERE ticker = {SqlText.Literal(ticker)} ORDER BY ts");
    }

    public SortedDictionary<string, byte[]> Snapshot(string dataset) => _lake.Snapshot(dataset);

    /// <summary>09:30 New York on <paramref name="day"/> plus <paramref name="offset"/>, as an instant.</summary>
    public static DateTimeOffset At(DateOnly day, TimeSpan offset) => NewYorkTime.ToUtc(day, new TimeOnly(9, 30)) + offset;

    private void Write(string dataset, DateOnly day, Action<LakeAppender> fill)
    {
        using var writer = _lake.Writer();
        writer.ReplacePartition(dataset, day, LakeSource.FromAppender(fill));
    }

    public void Dispose() => _lake.Dispose();
}
