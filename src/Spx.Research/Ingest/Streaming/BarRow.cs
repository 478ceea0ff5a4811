using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Polygon.WebSocket;

namespace Spx.Research.Ingest.Streaming;

/// <summary>
/// A streamed aggregate as a row of its bar dataset. <c>ts</c> is the window start (the lake's convention);
/// <c>trades</c> is not on the wire and stays NULL. A late row also records when it arrived.
/// </summary>
public sealed record BarRow : BufferedRow
{
    private BarRow(StreamSource source, string dataset, AggregateEvent bar, DateTimeOffset? receivedAt)
        : base(source, dataset, NewYorkTime.LocalDate(bar.Start))
    {
        Bar = bar;
        ReceivedAt = receivedAt;
    }

    /// <summary>The aggregate as received.</summary>
    public AggregateEvent Bar { get; }

    /// <summary>When a late row arrived; null for a row of the session.</summary>
    public DateTimeOffset? ReceivedAt { get; }

    /// <summary>A row of the session for <paramref name="source"/>'s dataset.</summary>
    public static BarRow OnTime(StreamSource source, AggregateEvent bar) => new(source, source.Dataset, bar, null);

    /// <summary>A late row for <paramref name="source"/>'s <c>_late</c> dataset.</summary>
    public static BarRow Late(StreamSource source, AggregateEvent bar, DateTimeOffset receivedAt) => new(source, source.LateDataset, bar, receivedAt);

    /// <inheritdoc />
    public override void AppendTo(LakeAppender appender)
    {
        var row = appender.CreateRow().AppendValue(Bar.Symbol);
        if (Source == StreamSource.OptionMinutes)
        {
            // The contract's terms come from its ticker; a ticker that does not parse fails this flush by name.
            var contract = OptionTicker.Parse(Bar.Symbol);
            row.AppendValue(contract.Underlying).AppendValue(contract.Expiry)
               .AppendValue(contract.Right == OptionRight.Call ? "C" : "P").AppendValue((double)contract.Strike);
        }
        row.AppendValue(Bar.Start).AppendValue(Bar.Open).AppendValue(Bar.High).AppendValue(Bar.Low).AppendValue(Bar.Close);
        if (Source == StreamSource.StockSeconds || Source == StreamSource.StockMinutes)
            row.AppendValue(Bar.Volume is { } v ? (double)v : null).AppendValue(Bar.Vwap).AppendNull();
        else if (Source == StreamSource.OptionMinutes)
            row.AppendValue(Bar.Volume).AppendValue(Bar.Vwap).AppendNull();
        if (ReceivedAt is { } received) row.AppendValue(received);
        row.EndRow();
    }
}
