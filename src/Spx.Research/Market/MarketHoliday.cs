namespace Spx.Research.Market;

/// <summary>
/// A weekday on which the NYSE does not keep its regular 09:30–16:00 ET hours: either closed all day
/// (<see cref="EarlyCloseEt"/> is null) or closing early at <see cref="EarlyCloseEt"/>. Mirrors the
/// "closed" / "early-close" entries of Polygon's <c>/v1/marketstatus/upcoming</c>.
/// </summary>
/// <param name="Date">The New York date.</param>
/// <param name="Name">Why: "Good Friday", "Hurricane Sandy", "Day after Thanksgiving", ….</param>
/// <param name="EarlyCloseEt">New York close time on an early-close day; null when closed all day.</param>
public sealed record MarketHoliday(DateOnly Date, string Name, TimeOnly? EarlyCloseEt = null)
{
    /// <summary>Why the day is special; never blank, because it ends up in error messages and reports.</summary>
    public string Name { get; } = string.IsNullOrWhiteSpace(Name)
        ? throw new ArgumentException($"A market holiday on {Date:yyyy-MM-dd} needs a name.", nameof(Name))
        : Name;

    /// <summary>True when the exchange is closed the whole day.</summary>
    public bool IsClosed => EarlyCloseEt is null;

    /// <summary>A full-day closure.</summary>
    public static MarketHoliday Closed(DateOnly date, string name) => new(date, name);

    /// <summary>A session that ends at <paramref name="closeEt"/> New York time.</summary>
    public static MarketHoliday EarlyClose(DateOnly date, string name, TimeOnly closeEt) => new(date, name, closeEt);
}
