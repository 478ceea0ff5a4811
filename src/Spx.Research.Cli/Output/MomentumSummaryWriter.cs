using System.Globalization;
using System.Text.Json;
using Spx.Research.Scanning;

namespace Spx.Research.Cli.Output;

/// <summary>
/// Prints a momentum scan's summary: JSON with the keys (<c>contract_days</c>, <c>bars</c>, <c>events</c>,
/// <c>events_per_contract_day</c> {min, median, max}, <c>minutes_above</c>, <c>rate</c>, <c>duration</c> {median, mean},
/// <c>hour_distribution</c>) after the scan's parameters; a table or CSV of <c>metric,value</c> rows with the same
/// names, dotted for nested values (<c>duration.median</c>, <c>hour_distribution.09</c>).
/// </summary>
public static class MomentumSummaryWriter
{
    public static void Write(MomentumScan scan, OutputFormat format, TextWriter output)
    {
        if (format == OutputFormat.Json) WriteJson(scan, output);
        else ResultWriter.Write(new ResultTable(["metric", "value"], Metrics(scan).Select(m => new[] { m.Name, m.Value }).ToArray()), format, output);
    }

    /// <summary>Every figure as a flat (name, value) pair, in the JSON's order.</summary>
    public static IReadOnlyList<(string Name, object? Value)> Metrics(MomentumScan scan)
    {
        var s = scan.Summary;
        var metrics = new List<(string, object?)>
        {
            ("underlying", s.Options.Underlying),
            ("threshold", s.Options.Threshold),
            ("from", First(scan)),
            ("to", Last(scan)),
            ("contract_days", s.ContractDays),
            ("bars", s.Bars),
            ("events", s.Events),
            ("events_per_contract_day.min", s.EventsPerContractDay.Min),
            ("events_per_contract_day.median", s.EventsPerContractDay.Median),
            ("events_per_contract_day.max", s.EventsPerContractDay.Max),
            ("minutes_above", s.MinutesAbove),
            ("rate", s.Rate),
            ("duration.median", s.Duration.Median),
            ("duration.mean", s.Duration.Mean),
        };
        metrics.AddRange(s.HourDistribution.Select(h => ($"hour_distribution.{Hour(h.Hour)}", (object?)h.Events)));
        return metrics;
    }

    private static void WriteJson(MomentumScan scan, TextWriter output)
    {
        var s = scan.Summary;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("underlying", s.Options.Underlying);
            json.WriteNumber("threshold", s.Options.Threshold);
            json.WriteString("from", First(scan));
            json.WriteString("to", Last(scan));
            json.WriteNumber("contract_days", s.ContractDays);
            json.WriteNumber("bars", s.Bars);
            json.WriteNumber("events", s.Events);
            json.WriteStartObject("events_per_contract_day");
            Number(json, "min", s.EventsPerContractDay.Min);
            Number(json, "median", s.EventsPerContractDay.Median);
            Number(json, "max", s.EventsPerContractDay.Max);
            json.WriteEndObject();
            json.WriteNumber("minutes_above", s.MinutesAbove);
            Number(json, "rate", s.Rate);
            json.WriteStartObject("duration");
            Number(json, "median", s.Duration.Median);
            Number(json, "mean", s.Duration.Mean);
            json.WriteEndObject();
            json.WriteStartObject("hour_distribution");
            foreach (var hour in s.HourDistribution) json.WriteNumber(Hour(hour.Hour), hour.Events);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number) json.WriteNumber(name, number);
        else json.WriteNull(name);
    }

    private static void Number(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number) json.WriteNumber(name, number);
        else json.WriteNull(name);
    }

    /// <summary>Two digits, so the keys sort as the hours do.</summary>
    private static string Hour(int hour) => hour.ToString("00", CultureInfo.InvariantCulture);

    private static string? First(MomentumScan scan) => scan.Dates.Count > 0 ? Day(scan.Dates[0]) : null;

    private static string? Last(MomentumScan scan) => scan.Dates.Count > 0 ? Day(scan.Dates[^1]) : null;

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
