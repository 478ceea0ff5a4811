using System.Globalization;
using Microsoft.AspNetCore.Routing;
using Spx.Research.Market;
using Spx.Research.Simulator.Http;

namespace Spx.Research.Simulator.Rest;

/// <summary>
/// The path of an aggregates request, parsed the same way for the answer and for the sessions it reads:
/// <c>{ticker}/range/{multiplier}/{timespan}/{from}/{to}</c> with the SQL bucket interval and the instant range.
/// </summary>
/// <param name="Span">A generous length of one bar (month = 31 days), to include a partial last bucket's rows.</param>
/// <param name="ToExclusive">The instant after <c>to</c>: the next New York midnight for a date, +1 ms for Unix ms.</param>
internal sealed record BarRange(
    string Ticker, int Multiplier, string Timespan, string FromText, string ToText,
    string Interval, TimeSpan Span, DateTimeOffset From, DateTimeOffset ToExclusive)
{
    /// <summary>Parses the route values.</summary>
    /// <exception cref="BadRequestException">A bad multiplier, timespan or bound, in Polygon's words.</exception>
    public static BarRange Parse(RouteValueDictionary route)
    {
        var ticker = route["ticker"]!.ToString()!;
        var multiplierText = route["multiplier"]!.ToString()!;
        var timespan = route["timespan"]!.ToString()!;
        var fromText = route["from"]!.ToString()!;
        var toText = route["to"]!.ToString()!;
        if (!int.TryParse(multiplierText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var multiplier) || multiplier < 1)
            throw new BadRequestException($"Could not parse the multiplier '{multiplierText}': it must be a positive integer.");
        var (interval, span) = Bucket(timespan, multiplier);
        var (from, _) = WireTime.Bound(fromText, "from");
        var (toStart, toIsDate) = WireTime.Bound(toText, "to");
        var toExclusive = toIsDate ? NewYorkTime.ToUtc(NewYorkTime.LocalDate(toStart).AddDays(1), TimeOnly.MinValue) : toStart.AddMilliseconds(1);
        return new BarRange(ticker, multiplier, timespan, fromText, toText, interval, span, from, toExclusive);
    }

    private static (string Interval, TimeSpan Span) Bucket(string timespan, int m) => timespan switch
    {
        "second" => ($"{m} seconds", TimeSpan.FromSeconds(m)),
        "minute" => ($"{m} minutes", TimeSpan.FromMinutes(m)),
        "hour" => ($"{m} hours", TimeSpan.FromHours(m)),
        "day" => ($"{m} days", TimeSpan.FromDays(m)),
        "week" => ($"{7 * m} days", TimeSpan.FromDays(7 * m)),
        "month" => ($"{m} months", TimeSpan.FromDays(31 * m)),
        "quarter" => ($"{3 * m} months", TimeSpan.FromDays(92 * m)),
        "year" => ($"{m} years", TimeSpan.FromDays(366 * m)),
        _ => throw new BadRequestException($"Could not parse the timespan '{timespan}': expected second, minute, hour, day, week, month, quarter or year."),
    };
}
