using Spx.Research.Lake;
using Spx.Research.Market;

namespace Spx.Research.Ingest.Quality;

/// <summary>
/// The value rules of bar datasets (any dataset with <c>ts</c>, <c>open</c>, <c>high</c>, <c>low</c>,
/// <c>close</c>): high ≥ low, open and close within [low, high], no negative price, volume or trade count,
/// and a bar that starts inside that day's trading hours (docs/data-quality.md). Failing rows are rejected
/// or quarantined by the writer like any other row rule, so nothing is dropped without a count.
/// </summary>
/// <example><c>new LakeWriter(layout, registry, new BarChecks(NyseCalendar.Default).Apply())</c></example>
public sealed class BarChecks : IRowChecks
{
    private readonly NyseCalendar _calendar;
    private readonly IReadOnlyDictionary<string, BarHours> _hours;

    /// <param name="calendar">Sessions, early closes and holidays.</param>
    /// <param name="hours">Hours per dataset; datasets not named use <see cref="DefaultHours"/>, else <see cref="BarHours.Regular"/>.</param>
    public BarChecks(NyseCalendar calendar, IReadOnlyDictionary<string, BarHours>? hours = null)
    {
        _calendar = calendar;
        _hours = hours ?? DefaultHours;
    }

    /// <summary>
    /// Stocks trade from 04:00 to 20:00 ET and Polygon's index feed has values outside the regular session,
    /// so those datasets allow extended hours; options trade until 15 minutes after the equity close.
    /// </summary>
    public static IReadOnlyDictionary<string, BarHours> DefaultHours { get; } = new Dictionary<string, BarHours>(StringComparer.Ordinal)
    {
        ["stock_bars_1s"] = BarHours.Extended,
        ["stock_bars_1m"] = BarHours.Extended,
        ["index_bars_1m"] = BarHours.Extended,
        ["option_bars_1m"] = BarHours.Options,
    };

    /// <summary>Earliest start of an extended-hours bar, New York time.</summary>
    public static TimeOnly ExtendedOpenEt { get; } = new(4, 0);

    /// <summary>End of extended hours, New York time.</summary>
    public static TimeOnly ExtendedCloseEt { get; } = new(20, 0);

    /// <summary>Writer options (a copy of <paramref name="options"/>) that apply these rules on every append and replace.</summary>
    public LakeWriterOptions Apply(LakeWriterOptions? options = null) => (options ?? new LakeWriterOptions()) with { Checks = this };

    /// <summary>The hours the bars of <paramref name="dataset"/> must start in.</summary>
    public BarHours HoursOf(string dataset) => _hours.TryGetValue(dataset, out var hours) ? hours : BarHours.Regular;

    /// <summary>The window bars of <paramref name="dataset"/> must start in on <paramref name="date"/>; null when the NYSE is closed.</summary>
    public (DateTimeOffset From, DateTimeOffset To)? Window(string dataset, DateOnly date)
    {
        if (_calendar.GetSession(date) is not { } session) return null;
        return HoursOf(dataset) switch
        {
            BarHours.Extended => (NewYorkTime.ToUtc(date, ExtendedOpenEt), NewYorkTime.ToUtc(date, ExtendedCloseEt)),
            BarHours.Options => (session.Open, OptionTradingHours.Close(session)),
            BarHours.Any => (NewYorkTime.ToUtc(date, TimeOnly.MinValue), NewYorkTime.ToUtc(date.AddDays(1), TimeOnly.MinValue)),
            _ => (session.Open, session.Close),
        };
    }

    IEnumerable<RowRule> IRowChecks.For(DatasetSchema schema, DateOnly date, IReadOnlyDictionary<string, string> typed)
    {
        if (!IsBarDataset(schema)) return [];
        var rules = BarRules.Prices(typed["open"], typed["high"], typed["low"], typed["close"]).ToList();
        foreach (var count in new[] { "volume", "trades" })
        {
            if (typed.TryGetValue(count, out var value)) rules.Add(BarRules.NotNegative(count, value));
        }
        if (HoursOf(schema.Name) != BarHours.Any || _calendar.GetSession(date) is null)
            rules.Add(BarRules.InsideSession(typed["ts"], date, Window(schema.Name, date), HoursOf(schema.Name)));
        return rules;
    }

    /// <summary>True when the schema has the bar columns (<c>ts</c>, <c>open</c>, <c>high</c>, <c>low</c>, <c>close</c>).</summary>
    public static bool IsBarDataset(DatasetSchema schema) =>
        new[] { "ts", "open", "high", "low", "close" }.All(c => schema.Find(c) is not null);
}
