using Spx.Research.Configuration;
using Spx.Research.Market;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Monitor.Polling;

/// <summary>
/// Which contracts one poll watches: the configured roots and right, expiring
/// <see cref="MonitorSettings.MinDaysToExpiry"/>–<see cref="MonitorSettings.MaxDaysToExpiry"/> calendar days
/// after the poll's session (to the effective expiry: an SPX monthly whose third Friday is Good Friday
/// expires on the Thursday), with strikes <see cref="MonitorSettings.MinStrikeRatio"/>–<see cref="MonitorSettings.MaxStrikeRatio"/>
/// of spot, every bound inclusive. The same window filters the server's chain and is checked again here,
/// so a server that ignores a filter cannot widen what is stored.
/// </summary>
public sealed class ContractWindow
{
    /// <summary>How much later than its effective expiry a listed expiry can be: a Friday holiday moves expiry to Thursday.</summary>
    private const int HolidayShiftDays = 3;

    private readonly NyseCalendar _calendar;

    /// <summary>The window of <paramref name="settings"/> for a poll in <paramref name="session"/> at <paramref name="spot"/>.</summary>
    /// <exception cref="ArgumentException">The settings name a right other than put or call, or the bounds are reversed.</exception>
    public ContractWindow(MonitorSettings settings, DateOnly session, double spot, NyseCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!(spot > 0) || !double.IsFinite(spot)) throw new ArgumentOutOfRangeException(nameof(spot), spot, "Spot must be a positive number.");
        if (settings.MinDaysToExpiry > settings.MaxDaysToExpiry)
            throw new ArgumentException($"monitor days to expiry: the minimum {settings.MinDaysToExpiry} is above the maximum {settings.MaxDaysToExpiry}.", nameof(settings));
        if (settings.MinStrikeRatio > settings.MaxStrikeRatio)
            throw new ArgumentException($"monitor strike ratio: the minimum {settings.MinStrikeRatio} is above the maximum {settings.MaxStrikeRatio}.", nameof(settings));

        Roots = settings.Roots.ToHashSet(StringComparer.Ordinal);
        Right = settings.Right.ToLowerInvariant() switch
        {
            "put" => OptionRight.Put,
            "call" => OptionRight.Call,
            _ => throw new ArgumentException($"monitor right '{settings.Right}': expected put or call.", nameof(settings)),
        };
        Session = session;
        Spot = spot;
        _calendar = calendar ?? NyseCalendar.Default;
        FirstExpiry = session.AddDays(settings.MinDaysToExpiry);
        LastExpiry = session.AddDays(settings.MaxDaysToExpiry);
        MinStrikeRatio = settings.MinStrikeRatio;
        MaxStrikeRatio = settings.MaxStrikeRatio;
    }

    /// <summary>Option roots watched (SPX monthlies, SPXW weeklies and dailies).</summary>
    public IReadOnlySet<string> Roots { get; }

    /// <summary>Put or call.</summary>
    public OptionRight Right { get; }

    /// <summary>The poll's NYSE session: days to expiry count from it.</summary>
    public DateOnly Session { get; }

    /// <summary>The index level the strikes are measured against.</summary>
    public double Spot { get; }

    /// <summary>Earliest (effective) expiry watched, inclusive.</summary>
    public DateOnly FirstExpiry { get; }

    /// <summary>Latest (effective) expiry watched, inclusive.</summary>
    public DateOnly LastExpiry { get; }

    /// <summary>Lowest strike / spot, inclusive.</summary>
    public double MinStrikeRatio { get; }

    /// <summary>Highest strike / spot, inclusive.</summary>
    public double MaxStrikeRatio { get; }

    /// <summary>Whether <paramref name="contract"/> is watched.</summary>
    public bool Contains(OptionTicker contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (!Roots.Contains(contract.Root) || contract.Right != Right) return false;
        if (contract.Expiry < FirstExpiry || contract.Expiry > LastExpiry.AddDays(HolidayShiftDays)) return false;
        var expiry = contract.EffectiveExpiry(_calendar);
        if (expiry < FirstExpiry || expiry > LastExpiry) return false;
        // strike / spot is compared rather than ratio × spot: the quotient of two exact values rounds to the
        // same double as the ratio written in the settings, so a strike at exactly 80 % or 95 % is inside.
        var ratio = (double)contract.Strike / Spot;
        return ratio >= MinStrikeRatio && ratio <= MaxStrikeRatio;
    }

    /// <summary>
    /// The chain filter that asks the server for this window only, a little wider on strikes so rounding
    /// on either side never drops an edge strike (<see cref="Contains"/> decides).
    /// </summary>
    public OptionChainQuery ChainQuery(int pageSize) => new()
    {
        ContractType = Right == OptionRight.Put ? ContractType.Put : ContractType.Call,
        ExpirationDate = RangeFilter<DateOnly>.Between(FirstExpiry, LastExpiry.AddDays(HolidayShiftDays)),
        StrikePrice = RangeFilter<double>.Between(Math.Floor(MinStrikeRatio * Spot) - 1, Math.Ceiling(MaxStrikeRatio * Spot) + 1),
        Limit = pageSize,
    };
}
