using System.Globalization;
using Spx.Research.Market;
using Spx.Research.Reporting;

namespace Spx.Research.ScannerReport;

/// <summary>
/// The scanner report as one <see cref="HtmlPage"/>: summary and hour distribution, events on the underlying,
/// the IV surface of one session, consolidation coverage. Text from the lake goes through
/// <see cref="HtmlPage.AddText"/> or <see cref="HtmlTable"/>, both escaping; nothing on the page depends on
/// the clock, so the same lake gives the same bytes (docs/scanner-report.md).
/// </summary>
public static class ScannerReportPage
{
    private const string TableStyle =
        "<style>.spx-report-table{border-collapse:collapse;margin:.5rem 0 1rem}" +
        ".spx-report-table th,.spx-report-table td{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;font-size:.9rem}</style>";

    /// <summary>Builds the page for <paramref name="data"/> read with <paramref name="options"/>.</summary>
    public static HtmlPage Build(ScannerReportData data, ScannerReportOptions options)
    {
        var scan = options.Scan;
        var page = new HtmlPage($"{scan.Underlying} momentum scanner report, {Range(data, scan)}")
            .AddHtml(TableStyle)
            .AddText($"Threshold {ScannerReportFigures.Percent(scan.Threshold)} over each contract-day's first open; definitions in docs/scanner.md.");
        page = Summary(page, data);
        page = Events(page, data, scan.Underlying, options.MaxEventMarkers);
        page = Surface(page, data, scan.Underlying);
        return Coverage(page, data);
    }

    private static HtmlPage Summary(HtmlPage page, ScannerReportData data)
    {
        var s = data.Scan.Summary;
        string?[][] rows =
        [
            ["contract-days", Count(s.ContractDays)], ["bars", Count(s.Bars)], ["events", Count(s.Events)],
            ["events per contract-day (min / median / max)", $"{Number(s.EventsPerContractDay.Min)} / {Number(s.EventsPerContractDay.Median)} / {Number(s.EventsPerContractDay.Max)}"],
            ["minutes above", Count(s.MinutesAbove)], ["rate (minutes above / bars)", ScannerReportFigures.Percent(s.Rate)],
            ["duration in bars (median / mean)", $"{Number(s.Duration.Median)} / {Number(s.Duration.Mean)}"],
        ];
        page = page.AddHeading("Scanner summary").AddHtml(HtmlTable.Of(["figure", "value"], rows));
        return s.Bars == 0
            ? page.AddText("No option bars in range: there is no hour distribution to draw.")
            : page.AddFigure(ScannerReportFigures.HourDistribution(data));
    }

    private static HtmlPage Events(HtmlPage page, ScannerReportData data, string underlying, int maxMarkers)
    {
        page = page.AddHeading($"Events on {underlying}");
        if (data.Underlying.Count == 0)
        {
            page = page.AddText($"No {underlying} minute bars (stock_bars_1m) in range: the underlying's chart cannot be drawn.");
        }
        else
        {
            page = page.AddFigure(ScannerReportFigures.EventsOnUnderlying(data, underlying));
            if (data.Scan.Events.Count > 0) page = page.AddText(MarkersText(data.Markers, maxMarkers));
        }
        if (data.Headlines.Count == 0) return page.AddText("No events in range.");
        var rows = data.Headlines.Select(h =>
        {
            var e = data.Scan.Events.First(x => x.Ticker == h.Ticker && x.TriggerTs == h.TriggerTs);
            return (IReadOnlyList<string?>)[h.Ticker, Local(h.TriggerTs), Count(e.Duration), ScannerReportFigures.Percent(e.MaxReturn),
                h.Title, h.PublishedUtc is { } at ? Local(at) : null];
        });
        return page.AddText($"The {ScannerReportQueries.HeadlineEvents} largest events by peak return, with the latest {underlying} headline before the trigger (up to {ScannerReportQueries.HeadlineLookbackDays} days back).")
            .AddHtml(HtmlTable.Of(["ticker", "trigger (New York)", "bars", "peak return", "latest headline", "published (New York)"], rows));
    }

    /// <summary>How many events the chart's markers stand for, and how: a marker each, or one per time window past the cap.</summary>
    private static string MarkersText(EventMarkers markers, int maxMarkers) => markers switch
    {
        { Events: 0 } => "None of the events has an underlying price to be marked at.",
        { WindowMinutes: { } minutes } =>
            $"{Many(markers.Events, "event")} with an underlying price, more than the {Count(maxMarkers)} the chart marks one by one: " +
            $"a marker stands for the events triggered in one {ScannerReportFigures.Window(minutes)} ({Many(markers.Markers.Count, "marker")}) " +
            "and sits at the largest of them; its hover gives how many and the largest's peak return.",
        _ => $"{Many(markers.Events, "event")} with an underlying price, a marker each.",
    };

    private static HtmlPage Surface(HtmlPage page, ScannerReportData data, string underlying)
    {
        page = page.AddHeading("Implied volatility surface");
        if (!data.HasOptionMinutes)
            return page.AddText($"Not drawn: this lake has no option_minutes rows for {underlying} in range. Run spx consolidate first; the surface comes from its solved IVs.");
        if (data.Surface.Count == 0)
            return page.AddText($"Not drawn: option_minutes has no solved IV with moneyness 0.80–1.20 for {underlying} on {data.SurfaceSession:yyyy-MM-dd}.");
        return page.AddFigure(ScannerReportFigures.IvSurface(data, underlying));
    }

    private static HtmlPage Coverage(HtmlPage page, ScannerReportData data)
    {
        page = page.AddHeading("Consolidation coverage");
        if (data.Coverage.Count == 0) return page.AddText("No option bars and no consolidated rows in range.");
        if (!data.HasOptionMinutes) page = page.AddText("option_minutes is absent or empty in range: only the option bars are shown; run spx consolidate to fill it.");
        var rows = data.Coverage.Select(d => (IReadOnlyList<string?>)[d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Count(d.OptionBars), Count(d.MinuteRows), Count(d.IvSolved), ScannerReportFigures.Percent(d.SolvedShare)]);
        return page.AddFigure(ScannerReportFigures.Coverage(data))
            .AddHtml(HtmlTable.Of(["date", "option bars", "option_minutes rows", "IV solved", "solved share"], rows));
    }

    /// <summary>The dates scanned as asked, an open end filled with the first or last date that had bars.</summary>
    private static string Range(ScannerReportData data, Scanning.MomentumScanOptions scan)
    {
        var dates = data.Scan.Dates;
        var from = scan.From ?? (dates.Count > 0 ? dates[0] : null);
        var to = scan.To ?? (dates.Count > 0 ? dates[^1] : null);
        return (scan with { From = from, To = to }).RangeText();
    }

    private static string Local(DateTimeOffset instant) => NewYorkTime.ToLocal(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Many(long count, string thing) => count == 1 ? $"1 {thing}" : $"{Count(count)} {thing}s";

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "–";

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "–";
}
