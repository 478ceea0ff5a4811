using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Spx.Research.Reporting;

namespace Spx.Research.Tests.Reporting;

public sealed class FigureJsonTests
{
    [Fact]
    public void A_figure_is_data_layout_and_config()
    {
        var json = Json.Of(SampleFigures.SpxVsVix());

        Assert.Equal(["data", "layout", "config"], json.Select(property => property.Key));
        Assert.Equal(2, json["data"]!.AsArray().Count);
        Assert.Equal("""{"responsive":true,"displaylogo":false}""", json["config"]!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(SampleFigures.Names), MemberType = typeof(SampleFigures))]
    public void Data_and_layout_attribute_names_are_plotly_lower_case(string name)
    {
        var json = Json.Of(SampleFigures.All()[name]);

        var names = Json.PropertyNames(json["data"], "data").Concat(Json.PropertyNames(json["layout"], "layout"));

        Assert.All(names, property => Assert.Matches(new Regex("^[a-z][a-z0-9]*$"), property.Name));
    }

    [Fact]
    public void Titles_are_objects_with_text()
    {
        var layout = Json.Layout(SampleFigures.SpxVsVix());
        var heatmap = Json.Trace(SampleFigures.IvHeatmap(), 0);

        Assert.Equal("""{"text":"SPX vs VIX"}""", layout["title"]!.ToJsonString());
        Assert.Equal("""{"text":"SPX"}""", layout["yaxis"]!["title"]!.ToJsonString());
        Assert.Equal("""{"text":"VIX"}""", layout["yaxis2"]!["title"]!.ToJsonString());
        Assert.Equal("""{"text":"IV"}""", heatmap["colorbar"]!["title"]!.ToJsonString());
    }

    [Fact]
    public void Missing_numbers_are_null_and_unset_attributes_are_left_out()
    {
        var line = Trace.Line("x", new[] { 1.0, 2.0, 3.0, 4.0 }, new[] { 1.5, double.NaN, double.PositiveInfinity, double.NegativeInfinity });
        var gaps = Trace.Line("y", new[] { 1.0, 2.0 }, new double?[] { null, 2.5 });
        var figure = new Figure([line, gaps]);

        var json = FigureJson.Serialize(figure);

        Assert.Equal(
            """
            {"data":[{"type":"scatter","name":"x","mode":"lines","x":[1,2,3,4],"y":[1.5,null,null,null]},{"type":"scatter","name":"y","mode":"lines","x":[1,2],"y":[null,2.5]}],"layout":{},"config":{"responsive":true,"displaylogo":false}}
            """,
            json);
    }

    [Fact]
    public void A_scalar_attribute_that_is_not_finite_is_left_out()
    {
        var trace = Trace.Heatmap(new[] { 1.0 }, new[] { 1.0 }, new double[,] { { 0.2 } }) with { ZMin = double.NaN, ZMax = 0.3 };

        var json = Json.Trace(new Figure([trace]), 0);

        Assert.False(json.ContainsKey("zmin"));
        Assert.Equal(0.3, json["zmax"]!.GetValue<double>());
    }

    [Fact]
    public void Numbers_are_invariant_round_trip_doubles()
    {
        var tricky = new[] { 0.1 + 0.2, 1e-12, 5881.63, -0.0, 1234567.125, double.MaxValue };
        var figure = new Figure([Trace.Line("n", tricky, tricky)]);

        var json = FigureJson.Serialize(figure);
        var back = Json.Numbers(Json.Trace(figure, 0)["y"]);

        Assert.Contains("0.30000000000000004", json);
        Assert.Contains("5881.63", json);
        Assert.DoesNotContain("5881,63", json);
        Assert.Equal(tricky.Select(value => (double?)value), back);
    }

    [Fact]
    public void Decimal_int_and_long_values_are_numbers()
    {
        var figure = new Figure(
        [
            Trace.Bar("d", new[] { 5800m, 5850.5m }, new[] { 1, 2 }),
            Trace.Bar("l", new[] { 1L, 2L }, new[] { 3_000_000_000L, 4L }),
        ]);

        Assert.Equal([5800, 5850.5], Json.Numbers(Json.Trace(figure, 0)["x"]));
        Assert.Equal([3_000_000_000, 4], Json.Numbers(Json.Trace(figure, 1)["y"]));
    }

    [Fact]
    public void Dates_are_wall_clock_iso_strings()
    {
        var dates = new DateOnly[] { new(2026, 1, 2), new(2026, 12, 31) };
        var midnights = new[] { new DateTime(2026, 1, 2), new DateTime(2026, 1, 5) };
        var minutes = new[] { new DateTime(2026, 1, 2, 9, 30, 0), new DateTime(2026, 1, 2, 9, 31, 0) };
        var millis = new[] { new DateTime(2026, 1, 2, 9, 30, 0, 250), new DateTime(2026, 1, 2, 9, 30, 1) };
        var figure = new Figure(
        [
            Trace.Line("d", dates, new[] { 1.0, 2.0 }),
            Trace.Line("m", midnights, new[] { 1.0, 2.0 }),
            Trace.Line("t", minutes, new[] { 1.0, 2.0 }),
            Trace.Line("ms", millis, new[] { 1.0, 2.0 }),
        ]);

        Assert.Equal(["2026-01-02", "2026-12-31"], Json.Strings(Json.Trace(figure, 0)["x"]));
        Assert.Equal(["2026-01-02", "2026-01-05"], Json.Strings(Json.Trace(figure, 1)["x"]));
        Assert.Equal(["2026-01-02 09:30:00", "2026-01-02 09:31:00"], Json.Strings(Json.Trace(figure, 2)["x"]));
        Assert.Equal(["2026-01-02 09:30:00.250", "2026-01-02 09:30:01.000"], Json.Strings(Json.Trace(figure, 3)["x"]));
    }

    [Fact]
    public void Instants_are_shown_on_a_New_York_clock_across_daylight_saving()
    {
        DateTimeOffset[] opens =
        [
            new(2026, 1, 5, 14, 30, 0, TimeSpan.Zero), // EST, UTC-5
            new(2026, 7, 6, 13, 30, 0, TimeSpan.Zero), // EDT, UTC-4
            new(2026, 7, 6, 9, 31, 0, TimeSpan.FromHours(-4)),
        ];

        var newYork = Json.Trace(new Figure([Trace.Line("spx", opens, new[] { 1.0, 2.0, 3.0 })]), 0);
        var utc = Json.Trace(new Figure([Trace.Line("spx", AxisValues.Instants(opens, TimeZoneInfo.Utc), new[] { 1.0, 2.0, 3.0 })]), 0);

        Assert.Equal(["2026-01-05 09:30:00", "2026-07-06 09:30:00", "2026-07-06 09:31:00"], Json.Strings(newYork["x"]));
        Assert.Equal(["2026-01-05 14:30:00", "2026-07-06 13:30:00", "2026-07-06 13:31:00"], Json.Strings(utc["x"]));
    }

    [Fact]
    public void Generic_values_pick_the_matching_kind()
    {
        Assert.Equal(AxisValueKind.Number, AxisValues.From(new List<double> { 1 }).Kind);
        Assert.Equal(AxisValueKind.Number, AxisValues.From(new List<int?> { 1, null }).Kind);
        Assert.Equal(AxisValueKind.Date, AxisValues.From(new List<DateOnly> { new(2026, 1, 2) }).Kind);
        Assert.Equal(AxisValueKind.Date, AxisValues.From(new List<DateTimeOffset> { DateTimeOffset.UnixEpoch }).Kind);
        Assert.Equal(AxisValueKind.Text, AxisValues.From(new List<string> { "SPXW" }).Kind);
        Assert.Equal("2026-01-02", AxisValues.From(new[] { new DateOnly(2026, 1, 2) })[0]);
        var error = Assert.Throws<ArgumentException>(() => AxisValues.From(new[] { TimeSpan.Zero }));
        Assert.Contains("TimeSpan", error.Message);
    }

    [Fact]
    public void A_secondary_axis_overlays_y_on_the_right()
    {
        var figure = SampleFigures.SpxVsVix();
        var json = Json.Of(figure);

        Assert.False(json["data"]![0]!.AsObject().ContainsKey("yaxis"));
        Assert.Equal("y2", json["data"]![1]!["yaxis"]!.GetValue<string>());
        Assert.Equal(
            """{"title":{"text":"VIX"},"side":"right","overlaying":"y","showgrid":false}""",
            json["layout"]!["yaxis2"]!.ToJsonString());
        Assert.Equal("x unified", json["layout"]!["hovermode"]!.GetValue<string>());
        Assert.Equal("""{"orientation":"h","x":0,"y":1.02,"xanchor":"left","yanchor":"bottom"}""", json["layout"]!["legend"]!.ToJsonString());
        Assert.Equal("lines+markers", json["data"]![1]!["mode"]!.GetValue<string>());
        Assert.Equal("""{"color":"#d62728","dash":"dot"}""", json["data"]![1]!["line"]!.ToJsonString());
    }

    [Fact]
    public void Heatmap_z_rows_run_along_y_and_columns_along_x()
    {
        double[] strikes = [5800, 5850, 5900];
        string[] expiries = ["Jan", "Feb"];
        var z = new double[,] { { 0.245, 0.219, 0.196 }, { 0.221, 0.204, 0.188 } };

        var json = Json.Trace(new Figure([Trace.Heatmap(strikes, expiries, z)]), 0);

        Assert.Equal("heatmap", json["type"]!.GetValue<string>());
        Assert.Equal(2, json["z"]!.AsArray().Count);
        Assert.All(json["z"]!.AsArray(), row => Assert.Equal(3, row!.AsArray().Count));
        Assert.Equal(0.219, json["z"]![0]![1]!.GetValue<double>()); // y = Jan, x = 5850
        Assert.Equal(0.188, json["z"]![1]![2]!.GetValue<double>()); // y = Feb, x = 5900
        var error = Assert.Throws<ArgumentException>(() => Trace.Heatmap(expiries, strikes, z));
        Assert.Contains("y.Count × x.Count = 3 × 2", error.Message);
    }

    [Fact]
    public void A_pivoted_heatmap_sorts_its_keys_and_leaves_missing_cells_null()
    {
        var json = Json.Trace(SampleFigures.IvHeatmap(), 0);

        Assert.Equal([5800, 5850, 5900], Json.Numbers(json["x"]));
        Assert.Equal(["2026-01-16", "2026-02-20", "2026-03-20"], Json.Strings(json["y"]));
        Assert.Equal([0.245, 0.219, 0.196], Json.Numbers(json["z"]![0]));
        Assert.Equal([0.214, null, 0.185], Json.Numbers(json["z"]![2]));
        Assert.Equal("Viridis", json["colorscale"]!.GetValue<string>());
        Assert.Equal(".0%", json["colorbar"]!["tickformat"]!.GetValue<string>());
        Assert.False(json["hoverongaps"]!.GetValue<bool>());
    }

    [Fact]
    public void A_pivot_rejects_two_rows_for_one_cell()
    {
        (double K, string E, double Iv)[] rows = [(5800, "Jan", 0.2), (5800, "Jan", 0.3)];

        var error = Assert.Throws<ArgumentException>(() => HeatmapTrace.Pivot(rows, r => r.K, r => r.E, r => r.Iv));

        Assert.Contains("x = 5800, y = Jan", error.Message);
    }

    [Fact]
    public void Colour_scales_can_be_explicit_stops()
    {
        var trace = Trace.Heatmap(new[] { 1.0 }, new[] { 1.0 }, new double[,] { { 0 } }) with
        {
            ColorScale = ColorScale.FromStops((0, "#2166ac"), (0.5, "#f7f7f7"), (1, "#b2182b")),
            ZMid = 0,
        };

        var json = Json.Trace(new Figure([trace]), 0);

        Assert.Equal("""[[0,"#2166ac"],[0.5,"#f7f7f7"],[1,"#b2182b"]]""", json["colorscale"]!.ToJsonString());
        Assert.Throws<ArgumentException>(() => ColorScale.FromStops((0, "#000")));
        Assert.Throws<ArgumentException>(() => ColorScale.FromStops((0, "#000"), (0.8, "#111"), (0.5, "#222"), (1, "#fff")));
    }

    [Fact]
    public void Candlesticks_hide_the_range_slider_and_skip_weekends()
    {
        var json = Json.Of(SampleFigures.Candles());
        var trace = json["data"]![0]!;

        Assert.Equal("candlestick", trace["type"]!.GetValue<string>());
        Assert.Equal(SampleFigures.Sessions.Length, trace["open"]!.AsArray().Count);
        Assert.Equal(5836.22, trace["close"]![6]!.GetValue<double>());
        Assert.Equal("""{"line":{"color":"#26a69a"}}""", trace["increasing"]!.ToJsonString());
        Assert.Equal("""{"line":{"color":"#ef5350"}}""", trace["decreasing"]!.ToJsonString());
        Assert.Equal(
            """{"type":"date","rangeslider":{"visible":false},"rangebreaks":[{"pattern":"day of week","bounds":[6,1]}]}""",
            json["layout"]!["xaxis"]!.ToJsonString());
    }

    [Fact]
    public void Intraday_axes_break_overnight_and_on_holidays()
    {
        var axis = Axis.MarketDates(null, RangeBreak.Overnight(), RangeBreak.Dates([new DateOnly(2026, 1, 19)]));
        var json = Json.Layout(new Figure([]) { Layout = new Layout { XAxis = axis } });

        Assert.Equal(
            """[{"pattern":"day of week","bounds":[6,1]},{"pattern":"hour","bounds":[16,9.5]},{"values":["2026-01-19"]}]""",
            json["xaxis"]!["rangebreaks"]!.ToJsonString());
    }

    [Fact]
    public void Bars_carry_barmode_and_per_bar_colours()
    {
        var gamma = Json.Of(SampleFigures.GammaByStrike());
        var volume = Json.Trace(SampleFigures.VolumeBars(), 0);

        Assert.Equal("relative", gamma["layout"]!["barmode"]!.GetValue<string>());
        Assert.Equal("bar", gamma["data"]![1]!["type"]!.GetValue<string>());
        Assert.Equal("""{"color":"#d62728"}""", gamma["data"]![1]!["marker"]!.ToJsonString());
        Assert.Equal(6, volume["marker"]!["color"]!.AsArray().Count);
        Assert.Equal("2026-01-05 09:30:00", Json.Strings(volume["x"])[0]);
    }

    [Fact]
    public void Subplots_put_traces_on_the_cell_axes()
    {
        var shared = Json.Of(SampleFigures.PriceOverVolume());
        var grid = Figure.Subplots(2, 2)
            .Add(Trace.Line("a", new[] { 1.0 }, new[] { 1.0 }), 1, 1)
            .Add(Trace.Line("b", new[] { 1.0 }, new[] { 1.0 }), 1, 2)
            .Add(Trace.Line("d", new[] { 1.0 }, new[] { 1.0 }), 2, 2);
        var independent = Json.Of(grid);

        Assert.Equal("""{"rows":2,"columns":1,"pattern":"coupled","roworder":"top to bottom"}""", shared["layout"]!["grid"]!.ToJsonString());
        Assert.Equal(("x", "y"), Axes(shared, 0));
        Assert.Equal(("x", "y2"), Axes(shared, 1));
        Assert.Equal(600, shared["layout"]!["height"]!.GetValue<int>());
        Assert.Equal(("x", "y"), Axes(independent, 0));
        Assert.Equal(("x2", "y2"), Axes(independent, 1));
        Assert.Equal(("x4", "y4"), Axes(independent, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => grid.Add(Trace.Line("e", new[] { 1.0 }, new[] { 1.0 }), 3, 1));
        var error = Assert.Throws<InvalidOperationException>(() => new Figure().Add(Trace.Line("e", new[] { 1.0 }, new[] { 1.0 }), 1, 1));
        Assert.Contains("Figure.Subplots", error.Message);

        static (string, string) Axes(JsonObject json, int trace) =>
            (json["data"]![trace]!["xaxis"]?.GetValue<string>() ?? "x", json["data"]![trace]!["yaxis"]?.GetValue<string>() ?? "y");
    }

    [Fact]
    public void Layout_axes_are_written_under_plotly_names()
    {
        var layout = new Layout { XAxis = Axis.Date(), YAxis = Axis.Log("volume") }
            .WithAxis("y3", new Axis { Domain = (0, 0.3), Anchor = "x", Range = new[] { 0.1, 0.5 } })
            .WithAxis("x12", Axis.Category());

        var json = Json.Layout(new Figure([]) { Layout = layout with { Width = 800, ShowLegend = true, HoverMode = HoverMode.Off } });

        Assert.Equal(["xaxis", "xaxis12", "yaxis", "yaxis3", "hovermode", "showlegend", "width"], json.Select(p => p.Key));
        Assert.Equal("""{"anchor":"x","range":[0.1,0.5],"domain":[0,0.3]}""", json["yaxis3"]!.ToJsonString());
        Assert.Equal("log", json["yaxis"]!["type"]!.GetValue<string>());
        Assert.False(json["hovermode"]!.GetValue<bool>());
        Assert.Throws<ArgumentException>(() => layout.WithAxis("yaxis2", new Axis()));
        Assert.Throws<ArgumentException>(() => new Axis { Range = new[] { 1.0 } });
    }

    [Fact]
    public void Bad_traces_fail_with_a_clear_message()
    {
        var lengths = Assert.Throws<ArgumentException>(() => Trace.Line("spx", new[] { 1.0, 2.0 }, new[] { 1.0 }));
        var axis = Assert.Throws<ArgumentException>(() => Trace.Line("spx", new[] { 1.0 }, new[] { 1.0 }) with { YAxis = "x2" });
        var candles = Assert.Throws<ArgumentException>(() => Trace.Candlestick("spx", new[] { 1.0, 2.0 }, [1, 2], [1, 2], [1], [1, 2]));

        Assert.Contains("y has 1 values but x has 2", lengths.Message);
        Assert.Contains("'x2' is not a plotly y axis reference", axis.Message);
        Assert.Contains("low has 1 values but x has 2", candles.Message);
    }

    [Fact]
    public void Script_breaking_text_is_escaped_and_unicode_stays_readable()
    {
        var figure = new Figure([Trace.Line("σ </script>", new[] { 1.0 }, new[] { 1.0 })]).WithTitle("</script><script>alert('x')</script> & more");

        var json = FigureJson.Serialize(figure);

        Assert.DoesNotContain("</", json);
        Assert.DoesNotContain("<script", json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("σ", json);
        Assert.Equal("</script><script>alert('x')</script> & more", Json.Layout(figure)["title"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Serialising_is_deterministic_and_indenting_only_changes_whitespace()
    {
        var compact = FigureJson.Serialize(SampleFigures.IvHeatmap());

        Assert.Equal(compact, FigureJson.Serialize(SampleFigures.IvHeatmap()));
        Assert.Equal(compact, SampleFigures.IvHeatmap().ToJson());
        Assert.Equal(compact, JsonNode.Parse(SampleFigures.IvHeatmap().ToJson(indented: true))!.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) }));
        Assert.Contains('\n', SampleFigures.IvHeatmap().ToJson(indented: true));
    }

    [Fact]
    public void Figures_are_immutable_values()
    {
        var empty = new Figure();
        var one = empty.Add(Trace.Line("a", new[] { 1.0 }, new[] { 2.0 }));
        var titled = one.WithTitle("T");

        Assert.Empty(empty.Traces);
        Assert.Single(one.Traces);
        Assert.Null(one.Layout.Title);
        Assert.Equal("T", titled.Layout.Title!.Text);
        Assert.Same(one.Traces[0], titled.Traces[0]);
    }

    [Fact]
    public void ToString_summarises_traces_and_title()
    {
        Assert.Equal("Figure: 2 traces (scatter, scatter), title \"SPX vs VIX\"", SampleFigures.SpxVsVix().ToString());
        Assert.Equal("Figure: 1 trace (candlestick), title \"SPX daily\"", SampleFigures.Candles().ToString());
        Assert.Equal("Figure: 2 traces (scatter, bar), 2×1 subplots, title \"SPX with volume\"", SampleFigures.PriceOverVolume().ToString());
        Assert.Equal("Figure: 0 traces", new Figure().ToString());
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"7 date values"), AxisValues.Dates(SampleFigures.Sessions).ToString());
    }
}
