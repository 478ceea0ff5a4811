namespace Spx.Research.Scanning;

/// <summary>
/// Holds the kernel's blocks against the SQL counts (docs/scanner.md, "The order is checked, never assumed"). A date is
/// trusted only when its blocks are exactly its contract-days: one block per contract-day holding all its bars, and no
/// two tickers of the date sharing a hash. Then a block's first bar is the day's first, and its reference, highest close
/// and span are the day's. Every other date goes the SQL way.
/// </summary>
internal static class MomentumKernelCheck
{
    /// <summary>The trusted dates' contract-days (count and block) and runs (with their tickers), and the dates for the SQL path, in order.</summary>
    public static MomentumKernelMatch Match(IReadOnlyList<MomentumKernelCount> counts, MomentumKernelResult kernel)
    {
        var untrusted = new HashSet<int>();
        var blocks = new Dictionary<(int, ulong), MomentumKernelDay>();
        foreach (var block in kernel.Days)
        {
            if (!blocks.TryAdd((block.Date, block.TickerHash), block)) untrusted.Add(block.Date);
        }
        var tickers = new Dictionary<(int, ulong), MomentumKernelCount>();
        foreach (var count in counts)
        {
            var key = (count.Date, count.TickerHash);
            if (!tickers.TryAdd(key, count)) untrusted.Add(count.Date); // two tickers, one hash
            if (!blocks.TryGetValue(key, out var block) || block.Bars != count.Bars) untrusted.Add(count.Date);
        }
        foreach (var key in blocks.Keys.Where(key => !tickers.ContainsKey(key))) untrusted.Add(key.Item1);
        foreach (var date in kernel.OutOfOrderDates) untrusted.Add(MomentumKernelResult.ArrowDay(date));

        return new MomentumKernelMatch(
            counts.Where(c => !untrusted.Contains(c.Date)).Select(c => (c, blocks[(c.Date, c.TickerHash)])).ToList(),
            kernel.Runs.Where(r => !untrusted.Contains(r.Date)).Select(r => (tickers[(r.Date, r.TickerHash)].Ticker, r)).ToList(),
            untrusted.Order().Select(MomentumKernelResult.Day).ToList());
    }
}
