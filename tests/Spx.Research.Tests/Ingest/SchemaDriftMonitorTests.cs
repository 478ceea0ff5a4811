using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Spx.Research.Ingest.Quality;
using Spx.Research.Tests.Lake;

namespace Spx.Research.Tests.Ingest;

/// <summary>
/// <see cref="SchemaDriftMonitor"/> on real state files: the first results become the baseline, drift is reported once
/// per endpoint per New York day, a damaged baseline is replaced with a line saying so. The HTTP path, with the
/// simulator's drift faults, is in Spx.Research.Cli.Tests (SchemaDriftOverHttpTests).
/// </summary>
public sealed class SchemaDriftMonitorTests : IDisposable
{
    private const string Bars = """[{"v":100,"vw":10.5,"o":10,"c":10.2,"h":10.4,"l":9.9,"t":1740000000000,"n":5}]""";
    private readonly TempLake _lake = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 3, 15, 0, 0, TimeSpan.Zero));
    private readonly List<string> _lines = [];

    // id, results after the baseline, expected line (null: no drift)
    [Theory]
    [InlineData("same", Bars, null)]
    [InlineData("nulls are no drift", """[{"v":null,"vw":10.5,"o":10,"c":10.2,"h":10.4,"l":9.9,"t":1740000000000,"n":5}]""", null)]
    [InlineData("added", """[{"v":100,"vw":10.5,"o":10,"c":10.2,"h":10.4,"l":9.9,"t":1740000000000,"n":5,"x":"new"}]""", "added x:string")]
    [InlineData("removed", """[{"v":100,"vw":10.5,"o":10,"c":10.2,"h":10.4,"l":9.9,"t":1740000000000}]""", "removed n")]
    [InlineData("retyped", """[{"v":"100","vw":10.5,"o":10,"c":10.2,"h":10.4,"l":9.9,"t":1740000000000,"n":5}]""", "retyped v:number→string")]
    [InlineData("present in one item of many", """[{"v":1,"o":1,"c":1,"h":1,"l":1,"t":1},{"v":1,"vw":1,"o":1,"c":1,"h":1,"l":1,"t":1,"n":1}]""", null)]
    public void Drift_is_found_against_the_baseline(string id, string results, string? expected)
    {
        var monitor = Monitor();
        monitor.Observe("aggs", Json(Bars));

        monitor.Observe("aggs", Json(results));

        if (expected is null)
        {
            Assert.True(_lines.Count == 0, $"{id}: {string.Join(" | ", _lines)}");
            return;
        }
        var line = Assert.Single(_lines);
        Assert.StartsWith("schema drift on aggs (2025-03-03): ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_drift_is_reported_once_a_day_and_recorded_in_the_state_file()
    {
        var monitor = Monitor();
        monitor.Observe("aggs", Json(Bars));
        var drifted = Json("""[{"v":100,"vw":10.5,"o":10,"c":10.2,"h":10.4,"l":9.9,"t":1740000000000,"n":5,"x":1}]""");

        monitor.Observe("aggs", drifted);
        monitor.Observe("aggs", drifted);
        _time.Advance(TimeSpan.FromHours(6)); // 16:00 ET on 03-03 is still the same New York day
        monitor.Observe("aggs", drifted);
        Assert.Single(_lines);

        _time.Advance(TimeSpan.FromDays(1));
        Monitor().Observe("aggs", drifted); // a new process reads the state file
        Assert.Equal(2, _lines.Count);
        Assert.Contains("(2025-03-04)", _lines[1], StringComparison.Ordinal);

        using var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(_lake.Root, "_state", "schema", "aggs.json")));
        Assert.Equal(8, state.RootElement.GetProperty("fields").EnumerateObject().Count());
        var reports = state.RootElement.GetProperty("reports").EnumerateArray().ToList();
        Assert.Equal(["2025-03-03", "2025-03-04"], reports.Select(r => r.GetProperty("date").GetString()));
        Assert.Equal("x:number", reports[0].GetProperty("added")[0].GetString());
    }

    [Fact]
    public void A_damaged_baseline_is_replaced_and_said_so()
    {
        var path = Path.Combine(_lake.Root, "_state", "schema", "news.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, """{"endpoint":"news","fields":{"id":"str""");

        Monitor().Observe("news", Json("""{"id":"a","title":"t"}"""));

        Assert.Contains("schema baseline", Assert.Single(_lines), StringComparison.Ordinal);
        using var state = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal("string", state.RootElement.GetProperty("fields").GetProperty("title").GetString());
    }

    [Fact]
    public void Nested_objects_give_dotted_fields_two_levels_deep()
    {
        var fields = FieldSet.Of(Json("""[{"details":{"strike_price":500,"deep":{"x":1}},"day":null}]"""));
        Assert.Equal(["day:null", "details:object", "details.deep:object", "details.strike_price:number"], fields.Select(f => $"{f.Key}:{f.Value}"));
    }

    private SchemaDriftMonitor Monitor() => new(_lake.Layout, _time, _lines.Add);

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    public void Dispose() => _lake.Dispose();
}
