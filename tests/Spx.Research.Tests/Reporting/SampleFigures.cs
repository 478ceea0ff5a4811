using Spx.Research.Reporting;

namespace Spx.Research.Tests.Reporting;

/// <summary>One figure of each kind the reporting model supports, with SPX-like numbers.</summary>
internal static class SampleFigures
{
    public static readonly DateOnly[] Sessions =
    [
        new(2026, 1, 2), new(2026, 1, 5), new(2026, 1, 6), new(2026, 1, 7), new(2026, 1, 8), new(2026, 1, 9), new(2026, 1, 12),
    ];

    /// <summary>SPX closes on the left axis, VIX (with a missing day) on a secondary axis on the right.</summary>
    public static Figure SpxVsVix() => new(
        [
            Trace.Line("SPX", Sessions, new[] { 5881.63, 5906.94, 5918.25, 5909.03, 5918.25, 5827.04, 5836.22 }),
            Trace.LineWithMarkers("VIX", Sessions, new[] { 17.93, 16.13, 17.82, double.NaN, 17.70, 19.54, 19.19 }) with
            {
                YAxis = "y2",
                LineStyle = new LineStyle { Color = "#d62728", Dash = LineDash.Dot },
            },
        ],
        new Layout
        {
            Title = "SPX vs VIX",
            XAxis = Axis.Date(),
            YAxis = new Axis { Title = "SPX" },
            YAxis2 = Axis.Secondary("VIX"),
            HoverMode = HoverMode.XUnified,
            Legend = Legend.Above,
        });

    /// <summary>One-minute volume bars from UTC instants, coloured by direction, on a New York session axis.</summary>
    public static Figure VolumeBars()
    {
        var start = new DateTimeOffset(2026, 1, 5, 14, 30, 0, TimeSpan.Zero);
        var times = Enumerable.Range(0, 6).Select(i => start.AddMinutes(i)).ToArray();
        return new Figure(
            [
                Trace.Bar("SPY volume", times, new long[] { 812_000, 455_300, 390_120, 402_000, 288_450, 310_900 }) with
                {
                    Marker = new MarkerStyle { Colors = ["#26a69a", "#ef5350", "#26a69a", "#26a69a", "#ef5350", "#26a69a"] },
                },
            ],
            new Layout
            {
                Title = "SPY volume, first minutes",
                XAxis = Axis.MarketDates("New York time", RangeBreak.Overnight()),
                YAxis = Axis.Linear("shares") with { TickFormat = ",.0f" },
                ShowLegend = false,
            });
    }

    /// <summary>Call and put gamma by strike, puts below zero.</summary>
    public static Figure GammaByStrike()
    {
        double[] strikes = [5800, 5850, 5900, 5950, 6000];
        return new Figure(
            [
                Trace.Bar("Call gamma", strikes, new[] { 1.2, 2.8, 4.1, 3.3, 1.9 }) with { Marker = new MarkerStyle { Color = "#2ca02c" } },
                Trace.Bar("Put gamma", strikes, new[] { -3.9, -3.1, -2.2, -1.0, -0.4 }) with { Marker = new MarkerStyle { Color = "#d62728" } },
            ],
            new Layout { Title = "Gamma by strike", BarMode = BarMode.Relative, XAxis = Axis.Linear("strike") });
    }

    /// <summary>Rows of (strike, expiry, iv) as a notebook would read them from the lake; one cell is missing.</summary>
    public static readonly (double Strike, DateOnly Expiry, double Iv)[] IvRows =
    [
        (5800, new(2026, 2, 20), 0.221), (5850, new(2026, 2, 20), 0.204), (5900, new(2026, 2, 20), 0.188),
        (5800, new(2026, 1, 16), 0.245), (5850, new(2026, 1, 16), 0.219), (5900, new(2026, 1, 16), 0.196),
        (5800, new(2026, 3, 20), 0.214), (5900, new(2026, 3, 20), 0.185),
    ];

    /// <summary>Implied volatility, strike across, expiry down, with a missing cell.</summary>
    public static Figure IvHeatmap() => new(
        [
            HeatmapTrace.Pivot(IvRows, row => row.Strike, row => row.Expiry, row => row.Iv) with
            {
                Name = "IV",
                ColorScale = ColorScale.Viridis,
                ZMin = 0.15,
                ZMax = 0.25,
                ColorBar = new ColorBar { Title = "IV", TickFormat = ".0%" },
                HoverTemplate = "K=%{x}<br>exp=%{y}<br>IV=%{z:.1%}<extra></extra>",
                HoverOnGaps = false,
            },
        ],
        new Layout { Title = "SPX put IV", XAxis = Axis.Linear("strike"), YAxis = Axis.Category("expiry") });

    /// <summary>Daily candles with weekend gaps removed and no range slider.</summary>
    public static Figure Candles() => new(
        [
            Trace.Candlestick(
                "SPX",
                Sessions,
                [5903.3, 5890.1, 5912.0, 5925.7, 5905.2, 5900.0, 5810.4],
                [5935.1, 5922.4, 5945.8, 5930.0, 5925.9, 5905.1, 5840.0],
                [5850.2, 5880.0, 5900.3, 5895.1, 5880.4, 5800.5, 5800.1],
                [5881.63, 5906.94, 5918.25, 5909.03, 5918.25, 5827.04, 5836.22]) with
            {
                IncreasingColor = "#26a69a",
                DecreasingColor = "#ef5350",
            },
        ],
        new Layout { Title = "SPX daily", XAxis = Axis.MarketDates() });

    /// <summary>A put smile (markers with text) and a fitted curve.</summary>
    public static Figure PutSmile()
    {
        double[] strikes = [5500, 5600, 5700, 5800, 5900];
        return new Figure(
            [
                Trace.Markers("Put IV", strikes, new[] { 0.292, 0.262, 0.236, 0.214, 0.197 }) with
                {
                    Marker = new MarkerStyle { Size = 9, Symbol = "diamond" },
                    Text = ["Δ -0.05", "Δ -0.08", "Δ -0.13", "Δ -0.21", "Δ -0.33"],
                },
                Trace.Line("Fit", strikes, new[] { 0.290, 0.263, 0.237, 0.215, 0.196 }) with
                {
                    LineStyle = new LineStyle { Shape = LineShape.Spline, Width = 1.5 },
                },
            ],
            new Layout { Title = "SPX 30-day put smile", XAxis = Axis.Linear("strike"), YAxis = new Axis { Title = "IV", TickFormat = ".0%" } });
    }

    /// <summary>Price over volume in a 2 × 1 grid sharing the time axis.</summary>
    public static Figure PriceOverVolume() =>
        Figure.Subplots(rows: 2, columns: 1, sharedX: true)
            .Add(Trace.Line("SPX", Sessions, new[] { 5881.63, 5906.94, 5918.25, 5909.03, 5918.25, 5827.04, 5836.22 }), row: 1, column: 1)
            .Add(Trace.Bar("Volume", Sessions, new long[] { 2_100, 2_450, 2_390, 2_870, 2_010, 3_300, 2_950 }), row: 2, column: 1)
            .WithTitle("SPX with volume")
            .WithLayout(layout => layout.WithAxis("x", Axis.MarketDates()) with { ShowLegend = false, Height = 600 });

    /// <summary>Every sample by name, for tests that check each kind the same way.</summary>
    public static IReadOnlyDictionary<string, Figure> All() => new Dictionary<string, Figure>
    {
        ["line with secondary axis"] = SpxVsVix(),
        ["intraday volume bars"] = VolumeBars(),
        ["relative bars"] = GammaByStrike(),
        ["heatmap"] = IvHeatmap(),
        ["candlestick"] = Candles(),
        ["smile scatter"] = PutSmile(),
        ["subplots"] = PriceOverVolume(),
    };

    public static TheoryData<string> Names() => new(All().Keys);
}
