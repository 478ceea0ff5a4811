using System.Globalization;
using Spx.Research.Market;

namespace Spx.Research.Reporting;

/// <summary>
/// One column of x or y values for a trace: numbers, dates or text, fixed when it is made. Dates become the
/// wall-clock strings plotly.js reads on a date axis (<c>2025-03-03</c>, <c>2025-03-03 09:30:00</c>);
/// plotly.js has no time zones, so instants (<see cref="DateTimeOffset"/>) are first put on a New York clock —
/// the clock SPX trades on — unless another zone is asked for. Missing numbers (null, NaN, ±∞) are written as
/// <c>null</c>, which plotly.js draws as a gap.
/// </summary>
public sealed class AxisValues
{
    private readonly double?[]? _numbers;
    private readonly string?[]? _texts;

    private AxisValues(double?[] numbers)
    {
        _numbers = numbers;
        Kind = AxisValueKind.Number;
    }

    private AxisValues(string?[] texts, AxisValueKind kind)
    {
        _texts = texts;
        Kind = kind;
    }

    /// <summary>Whether the values are numbers, dates or text.</summary>
    public AxisValueKind Kind { get; }

    /// <summary>How many values there are.</summary>
    public int Count => _numbers?.Length ?? _texts!.Length;

    /// <summary>The value at <paramref name="index"/> as written to JSON: a double, a date string, a text, or null.</summary>
    public object? this[int index] => _numbers is not null ? _numbers[index] : _texts![index];

    /// <summary>Numbers; NaN and infinities count as missing.</summary>
    public static AxisValues Numbers(IEnumerable<double> values) =>
        new(values.Select(value => double.IsFinite(value) ? value : (double?)null).ToArray());

    /// <summary>Numbers with gaps; null, NaN and infinities count as missing.</summary>
    public static AxisValues Numbers(IEnumerable<double?> values) =>
        new(values.Select(value => value is { } v && double.IsFinite(v) ? value : null).ToArray());

    /// <summary>Decimal prices, written as the nearest doubles.</summary>
    public static AxisValues Numbers(IEnumerable<decimal> values) => new(values.Select(value => (double?)(double)value).ToArray());

    /// <summary>Integers (strikes in points, volumes, counts).</summary>
    public static AxisValues Numbers(IEnumerable<long> values) => new(values.Select(value => (double?)value).ToArray());

    /// <summary>
    /// Wall-clock date-times, written as they read whatever their <see cref="DateTime.Kind"/>: convert instants
    /// first (<see cref="NewYorkTime.ToLocal"/>) or pass them to <see cref="Instants"/>. All values share one
    /// format: the date alone when every value is at midnight, else seconds, else milliseconds.
    /// </summary>
    public static AxisValues Dates(IEnumerable<DateTime> values) => Dates(values.Select(value => (DateTime?)value));

    /// <summary>Wall-clock date-times with gaps (null is written as <c>null</c>); formatted as <see cref="Dates(IEnumerable{DateTime})"/>.</summary>
    public static AxisValues Dates(IEnumerable<DateTime?> values)
    {
        var list = values.ToList();
        var format = DateFormat(list);
        return new(list.Select(value => value?.ToString(format, CultureInfo.InvariantCulture)).ToArray(), AxisValueKind.Date);
    }

    /// <summary>Calendar dates (sessions, expiries), written <c>yyyy-MM-dd</c>.</summary>
    public static AxisValues Dates(IEnumerable<DateOnly> values) =>
        new(values.Select(value => (string?)value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray(), AxisValueKind.Date);

    /// <summary>
    /// Instants shown on the clock of <paramref name="zone"/> — New York (<see cref="NewYorkTime.Zone"/>) unless
    /// given — so a 14:30 UTC bar in January sits at 09:30 on the axis, and hour range breaks
    /// (<see cref="RangeBreak.Overnight"/>) line up with the session.
    /// </summary>
    public static AxisValues Instants(IEnumerable<DateTimeOffset> values, TimeZoneInfo? zone = null)
    {
        var clock = zone ?? NewYorkTime.Zone;
        return Dates(values.Select(value => TimeZoneInfo.ConvertTime(value, clock).DateTime));
    }

    /// <summary>Text values: categories such as tickers, expiry labels or strategy names.</summary>
    public static AxisValues Categories(IEnumerable<string?> values) => new(values.ToArray(), AxisValueKind.Text);

    /// <summary>
    /// Values of any supported element type — double, float, int, long, decimal (and their nullables),
    /// DateTime, DateOnly, DateTimeOffset (New York clock), string — for generic code such as
    /// <see cref="HeatmapTrace.Pivot{TRow, TX, TY}"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not one of the supported types.</exception>
    public static AxisValues From<T>(IEnumerable<T> values) => values switch
    {
        IEnumerable<double> v => Numbers(v),
        IEnumerable<double?> v => Numbers(v),
        IEnumerable<float> v => Numbers(v.Select(x => (double)x)),
        IEnumerable<float?> v => Numbers(v.Select(x => (double?)x)),
        IEnumerable<int> v => Numbers(v.Select(x => (long)x)),
        IEnumerable<int?> v => Numbers(v.Select(x => (double?)x)),
        IEnumerable<long> v => Numbers(v),
        IEnumerable<long?> v => Numbers(v.Select(x => (double?)x)),
        IEnumerable<decimal> v => Numbers(v),
        IEnumerable<decimal?> v => Numbers(v.Select(x => (double?)x)),
        IEnumerable<DateTime> v => Dates(v),
        IEnumerable<DateTime?> v => Dates(v),
        IEnumerable<DateOnly> v => Dates(v),
        IEnumerable<DateTimeOffset> v => Instants(v),
        IEnumerable<string?> v => Categories(v),
        _ => throw new ArgumentException(
            $"Axis values of type {typeof(T).Name} are not supported; use numbers, DateTime, DateOnly, DateTimeOffset or string.",
            nameof(values)),
    };

    /// <summary>Numbers.</summary>
    public static implicit operator AxisValues(double[] values) => Numbers(values);

    /// <summary>Numbers with gaps.</summary>
    public static implicit operator AxisValues(double?[] values) => Numbers(values);

    /// <summary>Integers.</summary>
    public static implicit operator AxisValues(int[] values) => Numbers(values.Select(value => (long)value));

    /// <summary>Integers.</summary>
    public static implicit operator AxisValues(long[] values) => Numbers(values);

    /// <summary>Decimal prices.</summary>
    public static implicit operator AxisValues(decimal[] values) => Numbers(values);

    /// <summary>Wall-clock date-times.</summary>
    public static implicit operator AxisValues(DateTime[] values) => Dates(values);

    /// <summary>Calendar dates.</summary>
    public static implicit operator AxisValues(DateOnly[] values) => Dates(values);

    /// <summary>Instants on a New York clock.</summary>
    public static implicit operator AxisValues(DateTimeOffset[] values) => Instants(values);

    /// <summary>Categories.</summary>
    public static implicit operator AxisValues(string[] values) => Categories(values);

    /// <inheritdoc />
    public override string ToString() => $"{Count} {Kind.ToString().ToLowerInvariant()} values";

    internal void WriteTo(PlotlyJsonWriter writer, string name)
    {
        writer.StartArray(name);
        if (_numbers is not null)
        {
            foreach (var value in _numbers)
                writer.Number(value);
        }
        else
        {
            foreach (var value in _texts!)
                writer.Text(value);
        }
        writer.EndArray();
    }

    private static string DateFormat(List<DateTime?> values)
    {
        var times = values.Where(value => value.HasValue).Select(value => value!.Value.TimeOfDay).ToList();
        if (times.All(time => time == TimeSpan.Zero))
            return "yyyy-MM-dd";
        return times.All(time => time.Ticks % TimeSpan.TicksPerSecond == 0) ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.fff";
    }
}
