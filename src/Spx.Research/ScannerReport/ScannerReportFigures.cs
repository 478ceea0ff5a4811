using System.Globalization;
using Spx.Research.Reporting;

namespace Spx.Research.ScannerReport;

/// <summary>
/// The report's four charts as plotly figures. Each is built only from data that has points, so every chart
/// on the page draws; the page says in words when a chart has nothing to show (<see cref="ScannerReportPage"/>).
/// </summary>
public static class ScannerReportFigures
{
    /// <summary>Events per New York trigger hour, zero hours included.</summary>
    public static Figure HourDistribution(ScannerReportData data)
    {
        var hours = data.Scan.Summary.HourDistribution;
        return new Figure(
            [Trace.Bar("events", hours.Select(h => $"{h.Hour:00}:00").ToArray(), hours.Select(h => h.Events).ToArray())],
            new Layout
            {
                Title = "Events by trigger hour (New York)",
                XAxis = Axis.Category("trigger hour"),
                YAxis = Axis.Linear("events"),
                Height = 360,
            });
    }

    /// <summary>
    /// The underlying's line with the event markers at their triggers, at the underlying's price then: one per event,
    /// or past the cap one per time window, drawn at its largest event, the hover giving the count.
    /// </summary>
    public static Figure EventsOnUnderlying(ScannerReportData data, string underlying)
    {
        var line = Trace.Line(
            $"{underlying} (last close per {data.BucketMinutes} min)",
            data.Underlying.Select(p => p.Ts).ToArray(),
            data.Underlying.Select(p => p.Close).ToArray());
        var markers = data.Markers;
        Trace[] traces = markers.Markers.Count == 0
            ? [line]
            : [line, Trace.Markers(
                markers.WindowMinutes is { } minutes ? $"events per {Window(minutes)} (at the largest)" : "event triggers",
                markers.Markers.Select(m => m.Largest.TriggerTs).ToArray(),
                markers.Markers.Select(m => m.Largest.UnderlyingPrice!.Value).ToArray()) with
            {
                Text = markers.Markers.Select(m => (string?)HoverText(m, markers.WindowMinutes)).ToArray(),
                Marker = new MarkerStyle { Color = "#d62728", Size = 7, Symbol = "triangle-up" },
            }];
        return new Figure(traces, new Layout
        {
            Title = $"{underlying} and the momentum events' triggers (New York time)",
            XAxis = Axis.MarketDates(null, RangeBreak.Overnight()),
            YAxis = Axis.Linear(underlying),
            Legend = Legend.Above,
        });
    }

    /// <summary>Median solved IV by expiry (rows) and moneyness (columns) for one session.</summary>
    public static Figure IvSurface(ScannerReportData data, string underlying)
    {
        var session = data.SurfaceSession!.Value;
        var heatmap = HeatmapTrace.Pivot(
            data.Surface,
            cell => cell.Moneyness,
            cell => $"{cell.Expiry:yyyy-MM-dd} ({cell.Expiry.DayNumber - session.DayNumber}d)",
            cell => cell.Iv) with
        {
            ColorScale = ColorScale.Viridis,
            ColorBar = new ColorBar { Title = "IV", TickFormat = ".0%" },
        };
        return new Figure([heatmap], new Layout
        {
            Title = $"{underlying} implied volatility surface, {session:yyyy-MM-dd} (median over the session's minutes)",
            XAxis = Axis.Linear($"strike / {underlying}") with { TickFormat = ".2%" },
            YAxis = Axis.Category("expiry"),
        });
    }

    /// <summary>Option bars against consolidated rows and rows with a solved IV, per date.</summary>
    public static Figure Coverage(ScannerReportData data)
    {
        var dates = data.Coverage.Select(d => d.Date).ToArray();
        var traces = new List<Trace> { Trace.Bar("option bars (option_bars_1m)", dates, data.Coverage.Select(d => d.OptionBars).ToArray()) };
        if (data.HasOptionMinutes)
        {
            traces.Add(Trace.Bar("consolidated rows (option_minutes)", dates, data.Coverage.Select(d => d.MinuteRows).ToArray()));
            traces.Add(Trace.Bar("rows with IV solved", dates, data.Coverage.Select(d => d.IvSolved).ToArray()));
        }
        return new Figure(traces, new Layout
        {
            Title = "Consolidation coverage per day",
            XAxis = Axis.MarketDates("date"),
            YAxis = Axis.Linear("rows"),
            BarMode = BarMode.Group,
            Legend = Legend.Above,
            Height = 380,
        });
    }

    /// <summary>A marker's window in words: "5-minute window", "2-hour window", "UTC day".</summary>
    public static string Window(int minutes) => minutes switch
    {
        1440 => "UTC day",
        >= 60 when minutes % 60 == 0 => $"{minutes / 60}-hour window",
        _ => $"{minutes}-minute window",
    };

    private static string HoverText(EventMarker marker, int? windowMinutes)
    {
        var e = marker.Largest;
        var largest = $"{e.Ticker}: {e.Duration} bars, peak {Percent(e.MaxReturn)}";
        return windowMinutes is { } minutes
            ? $"{marker.Count.ToString("N0", CultureInfo.InvariantCulture)} event{(marker.Count == 1 ? "" : "s")} in this {Window(minutes)}; largest {largest}"
            : largest;
    }

    /// <summary>A fraction as a percentage with one decimal, or a dash.</summary>
    public static string Percent(double? fraction) =>
        fraction is { } value && double.IsFinite(value) ? (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–";
}
