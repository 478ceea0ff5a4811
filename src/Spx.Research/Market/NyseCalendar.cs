using System.Collections.Frozen;
using System.Globalization;

namespace Spx.Research.Market;

/// <summary>
/// NYSE trading sessions for 1990-01-01 through 2030-12-31: which days trade, and their open and close
/// as UTC instants (09:30–16:00 ET, or 09:30–13:00 ET on early closes; DST via <see cref="NewYorkTime"/>).
/// </summary>
/// <remarks>
/// Built from rules (<c>NyseHolidayRules</c>, <c>NyseEarlyCloseRules</c>) plus ad-hoc data
/// (<c>NyseAdHocDays</c>), matching exchange_calendars' XNYS calendar for past years and the NYSE's
/// published holiday lists for 2024–2028. The range is bounded on purpose: before 1990 other holiday rules
/// applied, and beyond 2030 the exchange has published nothing, so answering would be guessing.
/// Coverage: the recurring holidays and early closes of NYSE Rule 7.2 with their XNYS start years (MLK 1998,
/// Juneteenth 2022, July 3 early closes 1995, Wednesday July 3 2013, day-after-Thanksgiving early close 1992,
/// 14:00 instead of 13:00 before 1993), every ad-hoc closure since 1990 (Nixon, 9/11, Reagan, Ford, Sandy,
/// G. H. W. Bush, Carter) and XNYS's ad-hoc early closes (1997-12-26, 1999-12-31, 2003-12-26).
/// Immutable and thread-safe; <see cref="WithExtraHolidays"/> returns a new calendar, so a holiday list
/// fetched from the market-status API can add closures but never removes a rule-based one.
/// </remarks>
public sealed class NyseCalendar
{
    private static readonly Lazy<NyseCalendar> LazyDefault = new(() => new NyseCalendar(RuleBasedDays()));

    private readonly FrozenDictionary<DateOnly, MarketHoliday> _holidays;
    private readonly MarketHoliday[] _holidaysInOrder;
    private readonly MarketSession[] _sessions;

    // Per calendar day from FirstDate: the index of its session in _sessions, or, for a closed day,
    // ~(index of the next session) — the Array.BinarySearch convention — so every lookup is O(1).
    private readonly int[] _slotByDay;

    private NyseCalendar(Dictionary<DateOnly, MarketHoliday> holidays)
    {
        _holidays = holidays.ToFrozenDictionary();
        _holidaysInOrder = [.. holidays.Values.OrderBy(h => h.Date)];

        var dayCount = LastDate.DayNumber - FirstDate.DayNumber + 1;
        _slotByDay = new int[dayCount];
        var sessions = new List<MarketSession>(dayCount * 5 / 7);
        for (var i = 0; i < dayCount; i++)
        {
            var date = FirstDate.AddDays(i);
            holidays.TryGetValue(date, out var holiday);
            if (DateRules.IsWeekend(date) || holiday is { IsClosed: true })
            {
                _slotByDay[i] = ~sessions.Count;
                continue;
            }

            _slotByDay[i] = sessions.Count;
            var close = holiday?.EarlyCloseEt ?? RegularCloseEt;
            sessions.Add(new MarketSession(
                date,
                NewYorkTime.ToUtc(date, RegularOpenEt),
                NewYorkTime.ToUtc(date, close),
                IsEarlyClose: holiday is not null));
        }

        _sessions = [.. sessions];
    }

    /// <summary>The rules and ad-hoc days as published; what every caller should start from.</summary>
    public static NyseCalendar Default => LazyDefault.Value;

    /// <summary>First date the calendar answers for.</summary>
    public static DateOnly FirstDate { get; } = new(1990, 1, 1);

    /// <summary>Last date the calendar answers for.</summary>
    public static DateOnly LastDate { get; } = new(2030, 12, 31);

    /// <summary>09:30 New York time: the opening bell, early closes included.</summary>
    public static TimeOnly RegularOpenEt { get; } = new(9, 30);

    /// <summary>16:00 New York time: the closing bell on a full day.</summary>
    public static TimeOnly RegularCloseEt { get; } = new(16, 0);

    /// <summary>13:00 New York time: the early close since 1993 (it was 14:00 before).</summary>
    public static TimeOnly EarlyCloseEt => NyseEarlyCloseRules.OnePm;

    /// <summary>True when the NYSE trades on <paramref name="date"/>, early closes included.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside <see cref="FirstDate"/>..<see cref="LastDate"/>.</exception>
    public bool IsSession(DateOnly date) => Slot(date) >= 0;

    /// <summary>The session on <paramref name="date"/>, or null on weekends and holidays.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside the supported range.</exception>
    public MarketSession? GetSession(DateOnly date)
    {
        var slot = Slot(date);
        return slot >= 0 ? _sessions[slot] : null;
    }

    /// <summary>The session on <paramref name="date"/>, for callers that know it is a trading day.</summary>
    /// <exception cref="ArgumentException">The NYSE is closed that day; the message names the date and why.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside the supported range.</exception>
    public MarketSession Session(DateOnly date) =>
        GetSession(date) ?? throw new ArgumentException(
            $"{Iso(date)} ({date.DayOfWeek}) is not an NYSE session: {ClosedBecause(date)}.", nameof(date));

    /// <summary>Every session from <paramref name="from"/> to <paramref name="to"/>, both inclusive, in order.</summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Either date is outside the supported range.</exception>
    public IReadOnlyList<MarketSession> Sessions(DateOnly from, DateOnly to)
    {
        var fromSlot = Slot(from, nameof(from));
        var toSlot = Slot(to, nameof(to));
        if (to < from)
        {
            throw new ArgumentException($"The range is reversed: to ({Iso(to)}) is before from ({Iso(from)}).", nameof(to));
        }

        var start = fromSlot >= 0 ? fromSlot : ~fromSlot;
        var end = toSlot >= 0 ? toSlot + 1 : ~toSlot;
        return _sessions.AsSpan(start, end - start).ToArray();
    }

    /// <summary>The first session strictly after <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date, or the answer, is outside the supported range.</exception>
    public MarketSession NextSession(DateOnly date)
    {
        var slot = Slot(date);
        return SessionAt(slot >= 0 ? slot + 1 : ~slot, date, "after");
    }

    /// <summary>The last session strictly before <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date, or the answer, is outside the supported range.</exception>
    public MarketSession PreviousSession(DateOnly date)
    {
        var slot = Slot(date);
        return SessionAt(slot >= 0 ? slot - 1 : ~slot - 1, date, "before");
    }

    /// <summary>The session on <paramref name="date"/> if it trades, else the next one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date, or the answer, is outside the supported range.</exception>
    public MarketSession SessionOnOrAfter(DateOnly date)
    {
        var slot = Slot(date);
        return SessionAt(slot >= 0 ? slot : ~slot, date, "on or after");
    }

    /// <summary>The session on <paramref name="date"/> if it trades, else the one before (how expiries on holidays move).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date, or the answer, is outside the supported range.</exception>
    public MarketSession SessionOnOrBefore(DateOnly date)
    {
        var slot = Slot(date);
        return SessionAt(slot >= 0 ? slot : ~slot - 1, date, "on or before");
    }

    /// <summary>True when <paramref name="instant"/> is within a session's regular hours [open, close).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The instant's New York date is outside the supported range.</exception>
    public bool IsOpen(DateTimeOffset instant) =>
        GetSession(NewYorkTime.LocalDate(instant)) is { } session && session.Contains(instant);

    /// <summary>
    /// Why <paramref name="date"/> is not a regular full day: a closure (<see cref="MarketHoliday.IsClosed"/>)
    /// or an early close. Null for regular sessions and for weekends.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside the supported range.</exception>
    public MarketHoliday? Holiday(DateOnly date)
    {
        Slot(date);
        return _holidays.GetValueOrDefault(date);
    }

    /// <summary>The weekday closures and early closes from <paramref name="from"/> to <paramref name="to"/>, inclusive, in order.</summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Either date is outside the supported range.</exception>
    public IReadOnlyList<MarketHoliday> Holidays(DateOnly from, DateOnly to)
    {
        Slot(from, nameof(from));
        Slot(to, nameof(to));
        if (to < from)
        {
            throw new ArgumentException($"The range is reversed: to ({Iso(to)}) is before from ({Iso(from)}).", nameof(to));
        }

        return [.. _holidaysInOrder.Where(h => h.Date >= from && h.Date <= to)];
    }

    /// <summary>
    /// This calendar plus announced closures and early closes (e.g. from <c>/v1/marketstatus/upcoming</c>).
    /// Extras only ever close more: a closure beats an early close, the earlier of two early closes wins,
    /// weekends and days already closed stay as they are, and no rule-based holiday can be removed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An extra is outside the supported range, or its early close is not between the 09:30 open and the 16:00 close.</exception>
    public NyseCalendar WithExtraHolidays(IEnumerable<MarketHoliday> extras)
    {
        ArgumentNullException.ThrowIfNull(extras);
        var merged = new Dictionary<DateOnly, MarketHoliday>(_holidays);
        foreach (var extra in extras)
        {
            ArgumentNullException.ThrowIfNull(extra, nameof(extras));
            Slot(extra.Date, nameof(extras));
            if (extra.EarlyCloseEt is { } close && (close <= RegularOpenEt || close >= RegularCloseEt))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(extras),
                    close,
                    $"Early close for {Iso(extra.Date)} at {close:HH:mm} ET is not between the 09:30 open and the 16:00 close.");
            }

            Merge(merged, extra);
        }

        return new NyseCalendar(merged);
    }

    /// <summary>This calendar with extra full-day closures; see <see cref="WithExtraHolidays"/>.</summary>
    public NyseCalendar WithExtraClosures(IEnumerable<DateOnly> dates, string name = "Announced closure")
    {
        ArgumentNullException.ThrowIfNull(dates);
        return WithExtraHolidays(dates.Select(d => MarketHoliday.Closed(d, name)));
    }

    /// <summary>This calendar with extra early closes (13:00 ET unless given); see <see cref="WithExtraHolidays"/>.</summary>
    public NyseCalendar WithExtraEarlyCloses(IEnumerable<DateOnly> dates, TimeOnly? closeEt = null, string name = "Announced early close")
    {
        ArgumentNullException.ThrowIfNull(dates);
        var close = closeEt ?? EarlyCloseEt;
        return WithExtraHolidays(dates.Select(d => MarketHoliday.EarlyClose(d, name, close)));
    }

    private static Dictionary<DateOnly, MarketHoliday> RuleBasedDays()
    {
        var days = new Dictionary<DateOnly, MarketHoliday>();
        for (var year = FirstDate.Year; year <= LastDate.Year; year++)
        {
            foreach (var holiday in NyseHolidayRules.For(year).Concat(NyseEarlyCloseRules.For(year)))
            {
                Merge(days, holiday);
            }
        }

        foreach (var holiday in NyseAdHocDays.Closures.Concat(NyseAdHocDays.EarlyCloses))
        {
            Merge(days, holiday);
        }

        return days;
    }

    /// <summary>Adds a day so that the result is never more open than before (see <see cref="WithExtraHolidays"/>).</summary>
    private static void Merge(Dictionary<DateOnly, MarketHoliday> days, MarketHoliday day)
    {
        if (DateRules.IsWeekend(day.Date))
        {
            return;
        }

        if (!days.TryGetValue(day.Date, out var existing))
        {
            days[day.Date] = day;
            return;
        }

        var closesEarlier = existing.EarlyCloseEt is { } existingClose
            && (day.IsClosed || day.EarlyCloseEt < existingClose);
        if (closesEarlier)
        {
            days[day.Date] = day;
        }
    }

    private MarketSession SessionAt(int index, DateOnly date, string direction)
    {
        if (index < 0 || index >= _sessions.Length)
        {
            throw new ArgumentOutOfRangeException(
                nameof(date),
                date,
                $"There is no NYSE session {direction} {Iso(date)} within the supported range {Iso(FirstDate)}..{Iso(LastDate)}.");
        }

        return _sessions[index];
    }

    private int Slot(DateOnly date, string paramName = "date")
    {
        if (date < FirstDate || date > LastDate)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                date,
                $"{Iso(date)} is outside the NYSE calendar's supported range {Iso(FirstDate)}..{Iso(LastDate)}.");
        }

        return _slotByDay[date.DayNumber - FirstDate.DayNumber];
    }

    private string ClosedBecause(DateOnly date) =>
        _holidays.TryGetValue(date, out var holiday) ? holiday.Name : "weekend";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
