namespace Spx.Research.Consolidation;

/// <summary>
/// One date's slice of a <see cref="RangeContext"/>: the market around each of its distinct bar starts.
/// <see cref="RowOfEachBar"/> maps every bar to its row; the rows index the range's columns.
/// </summary>
internal sealed class DayContext(RangeContext range, int first, int count)
{
    public double[] Spot => range.Spot;

    public bool[] SpotNull => range.SpotNull;

    public double[] Vix => range.Vix;

    public bool[] VixNull => range.VixNull;

    public string?[] NewsId => range.NewsId;

    public string?[] NewsSentiment => range.NewsSentiment;

    /// <summary>
    /// Each bar's context row. A ticker's bars are in time order, so one forward walk over the date's sorted starts per
    /// ticker finds them all (a hash lookup per bar cost more than the rest of the mapping).
    /// </summary>
    public int[] RowOfEachBar(DayBars bars, DayArrays arrays)
    {
        var starts = range.Starts.AsSpan(first, count);
        var rows = arrays.Take<int>(bars.Count);
        foreach (var terms in bars.Tickers)
        {
            if (terms.Bars == 0) continue;
            var c = starts.BinarySearch(bars.Ts[terms.First]);
            if (c < 0) c = ~c;
            for (var i = terms.First; i < terms.First + terms.Bars; i++)
            {
                while (c < count && starts[c] < bars.Ts[i]) c++;
                if (c == count || starts[c] != bars.Ts[i])
                    throw new InvalidOperationException($"consolidation: no context row for the bar of '{terms.Ticker}' at {bars.Ts[i]} µs");
                rows[i] = first + c;
            }
        }
        return rows;
    }
}
