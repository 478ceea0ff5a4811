using DuckDB.NET.Data;
using Spx.Research.Lake;

namespace Spx.Research.Consolidation;

/// <summary>
/// The market around each distinct bar start of a run's dates (spot, VIX, the latest news), from one DuckDB query
/// of as-of joins over the whole range (<see cref="ConsolidationQueries.Context"/>), read before the dates are
/// consolidated in parallel; <see cref="For"/> gives one date's slice.
/// </summary>
internal sealed class RangeContext
{
    private readonly Dictionary<DateOnly, (int First, int Count)> _days = [];

    private RangeContext(DuckDbColumnarResult context)
    {
        var days = context.GetColumn<DateOnly>("day");
        Starts = context.GetColumn<long>("ts_us");
        Spot = context.GetColumn<double>("spot");
        SpotNull = context.GetNullMask("spot");
        Vix = context.GetColumn<double>("vix");
        VixNull = context.GetNullMask("vix");
        NewsId = context.GetStrings("news_id");
        NewsSentiment = context.GetStrings("news_sentiment");
        for (var i = 0; i < days.Length;)
        {
            var first = i;
            while (i < days.Length && days[i] == days[first]) i++;
            _days.Add(days[first], (first, i - first));
        }
    }

    /// <summary>Bar starts, epoch microseconds, ascending within each date.</summary>
    public long[] Starts { get; }

    public double[] Spot { get; }

    public bool[] SpotNull { get; }

    public double[] Vix { get; }

    public bool[] VixNull { get; }

    public string?[] NewsId { get; }

    public string?[] NewsSentiment { get; }

    /// <summary>The slice of <paramref name="date"/> (empty when the date has no bars of the underlying).</summary>
    public DayContext For(DateOnly date) =>
        _days.TryGetValue(date, out var slice) ? new DayContext(this, slice.First, slice.Count) : new DayContext(this, 0, 0);

    /// <summary>Runs the as-of alignment of every date in <paramref name="days"/> (the news table must exist on <paramref name="connection"/>).</summary>
    public static RangeContext Read(DuckDBConnection connection, IReadOnlyList<ConsolidationInputs> days, string underlying)
    {
        connection.ExecuteNonQuery(ConsolidationQueries.CreateStarts(days, underlying));
        var onMinutes = connection.ExecuteScalar<bool>(ConsolidationQueries.StartsOnMinutes);
        return new(connection.ExecuteColumnar(ConsolidationQueries.Context(days, underlying, onMinutes)));
    }
}
