using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Scanning;
using Spx.Research.Tests.Lake;

namespace Spx.Research.Tests.Scanning;

/// <summary>
/// A tiny hand-written lake for the momentum scanner: option minute bars given as New York clock times with an
/// open and a close, and underlying second or minute bars, each written with <see cref="LakeWriter"/>.
/// </summary>
internal sealed class ScannerTestLake : IDisposable
{
    private readonly TempLake _lake = new();

    public LakeLayout Layout => _lake.Layout;

    public string Root => _lake.Root;

    public LakeSession Session() => _lake.Session();

    /// <summary>One bar: New York minutes after 09:30, the open and the close.</summary>
    public readonly record struct Bar(int Minute, double Open, double Close);

    /// <summary>Writes <paramref name="bars"/> of <paramref name="ticker"/> on <paramref name="day"/> (the partition's only contract unless appended to).</summary>
    public void WriteOptionBars(DateOnly day, string ticker, params Bar[] bars) => WriteOptionBars(day, [(ticker, bars)]);

    /// <summary>Writes several contracts' bars into the <paramref name="day"/> partition (replacing it).</summary>
    public void WriteOptionBars(DateOnly day, IReadOnlyList<(string Ticker, Bar[] Bars)> contracts)
    {
        using var writer = _lake.Writer();
        writer.ReplacePartition("option_bars_1m", day, OptionBars(day, contracts));
    }

    /// <summary>Adds one more file of bars to the <paramref name="day"/> partition (as a stream's appends do before compaction).</summary>
    public void AppendOptionBars(DateOnly day, IReadOnlyList<(string Ticker, Bar[] Bars)> contracts)
    {
        using var writer = _lake.Writer();
        writer.AppendToPartition("option_bars_1m", day, OptionBars(day, contracts));
    }

    private static LakeSource OptionBars(DateOnly day, IReadOnlyList<(string Ticker, Bar[] Bars)> contracts) => LakeSource.FromAppender(appender =>
    {
        foreach (var (text, bars) in contracts)
        {
            var ticker = OptionTicker.Parse(text);
            foreach (var bar in bars)
            {
                appender.CreateRow()
                    .AppendValue(text).AppendValue(ticker.Underlying).AppendValue(ticker.Expiry)
                    .AppendValue(ticker.Right == OptionRight.Put ? "P" : "C").AppendValue((double)ticker.Strike)
                    .AppendValue(At(day, bar.Minute)).AppendValue(bar.Open).AppendValue(Math.Max(bar.Open, bar.Close))
                    .AppendValue(Math.Min(bar.Open, bar.Close)).AppendValue(bar.Close).AppendValue(10L)
                    .AppendValue((double?)null).AppendValue((long?)null)
                    .EndRow();
            }
        }
    });

    /// <summary>Underlying bars (<c>stock_bars_1s</c> or <c>stock_bars_1m</c>) at <paramref name="offsets"/> after 09:30 New York, closing at the given prices.</summary>
    public void WriteStockBars(string dataset, DateOnly day, string ticker, params (TimeSpan Offset, double Close)[] bars)
    {
        using var writer = _lake.Writer();
        writer.ReplacePartition(dataset, day, LakeSource.FromAppender(appender =>
        {
            foreach (var (offset, close) in bars)
            {
                appender.CreateRow()
                    .AppendValue(ticker).AppendValue(Open(day) + offset).AppendValue(close).AppendValue(close).AppendValue(close).AppendValue(close)
                    .AppendValue(100.0).AppendValue((double?)null).AppendValue((long?)null)
                    .EndRow();
            }
        }));
    }

    /// <summary>Scans with <paramref name="options"/> (SPY, 20 %, every date by default).</summary>
    public MomentumScan Scan(MomentumScanOptions? options = null)
    {
        using var session = Session();
        return MomentumScanner.Run(session, options ?? new MomentumScanOptions());
    }

    /// <summary>09:30 New York on <paramref name="day"/> as an instant (14:30 or 13:30 UTC, by DST).</summary>
    public static DateTimeOffset Open(DateOnly day) => NewYorkTime.ToUtc(day, new TimeOnly(9, 30));

    public static DateTimeOffset At(DateOnly day, int minute) => Open(day).AddMinutes(minute);

    public void Dispose() => _lake.Dispose();
}
