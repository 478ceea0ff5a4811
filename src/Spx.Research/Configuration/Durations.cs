using System.Globalization;
using System.Text.RegularExpressions;

namespace Spx.Research.Configuration;

/// <summary>
/// Durations as users write them: a number with a unit (<c>500ms</c>, <c>90s</c>, <c>5m</c>, <c>1.5h</c>, <c>2d</c>)
/// or a clock span <c>hh:mm:ss</c>. A bare number or an unknown unit is refused rather than guessed: <c>2d</c>
/// once meant two seconds. One parser for the command line and <c>spx.yaml</c> alike.
/// </summary>
public static partial class Durations
{
    /// <exception cref="FormatException">Not one of the accepted forms, or not positive.</exception>
    public static TimeSpan Parse(string text)
    {
        var value = TryParse(text.Trim()) ?? throw new FormatException("is not a duration: use 500ms, 90s, 5m, 1h, 2d or hh:mm:ss");
        return value > TimeSpan.Zero ? value : throw new FormatException("must be longer than zero");
    }

    /// <summary>Like <see cref="Parse"/> but zero is allowed (<c>0s</c>): a delay or a wait may be none.</summary>
    /// <exception cref="FormatException">Not one of the accepted forms.</exception>
    public static TimeSpan ParseAllowingZero(string text) =>
        TryParse(text.Trim()) ?? throw new FormatException("is not a duration: use 500ms, 90s, 5m, 1h, 2d or hh:mm:ss");

    /// <summary>The shortest exact form: <c>30s</c>, <c>5m</c>, <c>1h</c>, <c>2d</c>, <c>250ms</c>.</summary>
    public static string Format(TimeSpan span) => span switch
    {
        _ when span.Ticks % TimeSpan.TicksPerDay == 0 && span >= TimeSpan.FromDays(1) => $"{span.Ticks / TimeSpan.TicksPerDay}d",
        _ when span.Ticks % TimeSpan.TicksPerHour == 0 && span >= TimeSpan.FromHours(1) => $"{span.Ticks / TimeSpan.TicksPerHour}h",
        _ when span.Ticks % TimeSpan.TicksPerMinute == 0 && span >= TimeSpan.FromMinutes(1) => $"{span.Ticks / TimeSpan.TicksPerMinute}m",
        _ when span.Ticks % TimeSpan.TicksPerSecond == 0 => $"{span.Ticks / TimeSpan.TicksPerSecond}s",
        _ => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMilliseconds:0.###}ms"),
    };

    private static TimeSpan? TryParse(string text)
    {
        if (TimeSpan.TryParseExact(text, @"hh\:mm\:ss", CultureInfo.InvariantCulture, out var clock)) return clock;
        var match = NumberWithUnit().Match(text);
        if (!match.Success) return null;
        var number = double.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
        var milliseconds = match.Groups["unit"].Value switch
        {
            "ms" => number,
            "s" => number * 1_000,
            "m" => number * 60_000,
            "h" => number * 3_600_000,
            _ => number * 86_400_000,
        };
        return milliseconds <= TimeSpan.MaxValue.TotalMilliseconds ? TimeSpan.FromMilliseconds(milliseconds) : null;
    }

    [GeneratedRegex(@"^(?<number>[0-9]+(\.[0-9]+)?)(?<unit>ms|s|m|h|d)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberWithUnit();
}
