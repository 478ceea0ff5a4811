using Spx.Research.Lake;
using Spx.Research.Market;

namespace Spx.Research.Cli.Tests;

/// <summary>
/// The momentum scan's summary computed the slow, obvious way, to check <c>spx scan momentum</c> against: read the
/// bars into memory, walk each contract-day in time order, and compare prices as decimals (so a close that equals
/// reference × (1 + threshold) to the cent is a tie, as docs/scanner.md says). Shares no code with the scanner.
/// </summary>
internal sealed record MomentumReference(
    long ContractDays, long Bars, long Events, long MinPerDay, double MedianPerDay, long MaxPerDay,
    long MinutesAbove, double DurationMedian, double DurationMean, SortedDictionary<int, long> Hours)
{
    private sealed record Bar(string Ticker, DateOnly Date, long Micros, double Open, double Close);

    public static MomentumReference Compute(string lake, string underlying, decimal threshold)
    {
        var perDay = new List<long>();
        var durations = new List<long>();
        var hours = new SortedDictionary<int, long>();
        long bars = 0, above = 0;
        foreach (var day in ReadBars(lake, underlying).GroupBy(b => (b.Ticker, b.Date)))
        {
            var ordered = day.OrderBy(b => b.Micros).ToArray();
            var limit = (decimal)ordered[0].Open * (1 + threshold);
            var events = 0L;
            var inRun = false;
            foreach (var bar in ordered)
            {
                var isAbove = (decimal)bar.Close >= limit;
                if (isAbove && !inRun)
                {
                    events++;
                    durations.Add(0);
                    var hour = NewYorkTime.ToLocal(DateTimeOffset.UnixEpoch.AddTicks(bar.Micros * 10)).Hour;
                    hours[hour] = hours.GetValueOrDefault(hour) + 1;
                }
                if (isAbove) { durations[^1]++; above++; }
                inRun = isAbove;
            }
            perDay.Add(events);
            bars += ordered.Length;
        }
        return new MomentumReference(perDay.Count, bars, durations.Count, perDay.Min(), Median(perDay), perDay.Max(),
            above, Median(durations), durations.Average(), hours);
    }

    private static double Median(List<long> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    private static List<Bar> ReadBars(string lake, string underlying)
    {
        using var session = LakeSession.Open(lake);
        return session.Query(
            $"SELECT ticker, date, epoch_us(ts), open, close FROM option_bars_1m WHERE underlying = {SqlText.Literal(underlying)}",
            reader =>
            {
                var bars = new List<Bar>();
                while (reader.Read())
                {
                    bars.Add(new Bar(reader.GetString(0), DateOnly.FromDateTime(reader.GetDateTime(1)), reader.GetInt64(2), reader.GetDouble(3), reader.GetDouble(4)));
                }
                return bars;
            });
    }
}
