using System.Globalization;
using Spx.Research.Lake;

namespace Spx.Research.Ingest.Quality;

/// <summary>The SQL of each bar rule, over the typed column expressions; each reason shows the values found.</summary>
internal static class BarRules
{
    /// <summary>high ≥ low, open and close within [low, high], low ≥ 0.</summary>
    public static IEnumerable<RowRule> Prices(string open, string high, string low, string close)
    {
        yield return new RowRule("high", "bar(s) with high below low", $"{high} < {low}",
            $"'high ' || CAST({high} AS VARCHAR) || ' is below low ' || CAST({low} AS VARCHAR)", $"CAST({high} AS VARCHAR)");
        yield return Inside("open", open, high, low);
        yield return Inside("close", close, high, low);
        yield return new RowRule("low", "bar(s) with a negative price", $"{low} < 0",
            $"'low ' || CAST({low} AS VARCHAR) || ' is negative'", $"CAST({low} AS VARCHAR)");
    }

    /// <summary>A count (volume, trades) that is not negative.</summary>
    public static RowRule NotNegative(string column, string value) =>
        new(column, $"negative {column}", $"{value} < 0",
            $"{SqlText.Literal(column + " ")} || CAST({value} AS VARCHAR) || ' is negative'", $"CAST({value} AS VARCHAR)");

    /// <summary>A bar whose start lies in the window, or any bar when the day has no session (window null).</summary>
    public static RowRule InsideSession(string ts, DateOnly date, (DateTimeOffset From, DateTimeOffset To)? window, BarHours hours)
    {
        if (window is not { } w)
        {
            var closed = $" is on {date:yyyy-MM-dd}, when the NYSE is closed";
            return new RowRule("ts", $"bar(s) on {date:yyyy-MM-dd}, not an NYSE session", $"{ts} IS NOT NULL",
                $"'ts ' || CAST({ts} AS VARCHAR) || {SqlText.Literal(closed)}", $"CAST({ts} AS VARCHAR)");
        }
        var span = $"{Et(w.From)}–{Et(w.To)} ET";
        var hoursName = hours.ToString().ToLowerInvariant();
        return new RowRule("ts", $"bar(s) outside the {hoursName} hours {span}",
            $"({ts} < {SqlText.Instant(w.From)} OR {ts} >= {SqlText.Instant(w.To)})",
            $"'ts ' || CAST({ts} AS VARCHAR) || {SqlText.Literal($" is outside the {hoursName} hours {span} of {date:yyyy-MM-dd}")}",
            $"CAST({ts} AS VARCHAR)");
    }

    private static RowRule Inside(string column, string value, string high, string low) =>
        new(column, $"bar(s) with {column} outside [low, high]", $"({value} < {low} OR {value} > {high})",
            $"{SqlText.Literal(column + " ")} || CAST({value} AS VARCHAR) || ' is outside [low ' || CAST({low} AS VARCHAR) || ', high ' || CAST({high} AS VARCHAR) || ']'",
            $"CAST({value} AS VARCHAR)");

    private static string Et(DateTimeOffset instant) =>
        Market.NewYorkTime.ToLocal(instant).ToString("HH:mm", CultureInfo.InvariantCulture);
}
