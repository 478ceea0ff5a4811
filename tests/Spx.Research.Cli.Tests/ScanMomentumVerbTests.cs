using System.Globalization;
using System.Text.Json;
using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Synthetic;

namespace Spx.Research.Cli.Tests;

/// <summary>
/// <c>spx scan momentum</c> as users run it: the built spx on the bundled sample lake (JSON keys, and every
/// figure against a slow independent computation), the events it stores on a small lake and storing them again,
/// and each way it refuses: no lake (exit 1), an empty range (a one-line note), a bad threshold or range (exit 2).
/// </summary>
public sealed class ScanMomentumVerbTests : IDisposable
{
    private static readonly DateOnly Day = new(2025, 3, 3);
    private readonly string _root = Directory.CreateTempSubdirectory("spx-scan-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string SampleLake => Synthetic.SampleLake.Find(AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException("data-samples/lake not found");

    [Fact]
    public void On_the_sample_lake_the_json_has_the_issues_keys_and_agrees_with_an_independent_computation()
    {
        var run = CliRun.Process(_root, new Dictionary<string, string>(), "scan", "momentum", "--lake", SampleLake, "--dry-run", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        var json = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(
            ["underlying", "threshold", "from", "to", "contract_days", "bars", "events", "events_per_contract_day", "minutes_above", "rate", "duration", "hour_distribution"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["min", "median", "max"], json.GetProperty("events_per_contract_day").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["median", "mean"], json.GetProperty("duration").EnumerateObject().Select(p => p.Name));

        var expected = MomentumReference.Compute(SampleLake, "SPY", 0.20m);
        Assert.True(expected.Events > 100, $"the sample lake should have events to compare, has {expected.Events}");
        Assert.Equal((expected.ContractDays, expected.Bars, expected.Events, expected.MinutesAbove),
            (Long(json, "contract_days"), Long(json, "bars"), Long(json, "events"), Long(json, "minutes_above")));
        var perDay = json.GetProperty("events_per_contract_day");
        Assert.Equal((expected.MinPerDay, expected.MedianPerDay, expected.MaxPerDay),
            (Long(perDay, "min"), perDay.GetProperty("median").GetDouble(), Long(perDay, "max")));
        Assert.Equal((double)expected.MinutesAbove / expected.Bars, json.GetProperty("rate").GetDouble(), 12);
        Assert.Equal(expected.DurationMedian, json.GetProperty("duration").GetProperty("median").GetDouble());
        Assert.Equal(expected.DurationMean, json.GetProperty("duration").GetProperty("mean").GetDouble(), 9);
        var hours = json.GetProperty("hour_distribution").EnumerateObject().Where(p => p.Value.GetInt64() > 0)
            .ToDictionary(p => int.Parse(p.Name, CultureInfo.InvariantCulture), p => p.Value.GetInt64());
        Assert.Equal(expected.Hours, new SortedDictionary<int, long>(hours));
        Assert.False(Directory.Exists(Path.Combine(SampleLake, "momentum_events")), "--dry-run must not write to the lake");
    }

    [Fact]
    public void The_events_are_stored_once_and_a_second_run_changes_nothing()
    {
        WriteOneContractDay(_root, closes: [1.00, 1.30, 1.00, 1.25, 1.25]);

        var first = CliRun.Of("scan", "momentum", "--lake", _root, "--format", "csv");
        var second = CliRun.Of("scan", "momentum", "--lake", _root, "--format", "csv");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(["spx: momentum_events: 2 events over 1 dates stored (1 partitions changed)"], first.ErrorLines);
        Assert.Equal(["spx: momentum_events: 2 events over 1 dates stored (0 partitions changed)"], second.ErrorLines);
        Assert.Equal(first.Output, second.Output);
        Assert.Contains("events,2", first.OutputLines);
        Assert.Contains("events_per_contract_day.median,2", first.OutputLines);
        Assert.Contains("hour_distribution.09,2", first.OutputLines);
        using var session = LakeSession.Open(_root);
        Assert.Equal(2, session.Scalar<long>("SELECT count(*) FROM momentum_events"));
    }

    [Fact]
    public void The_configuration_sets_the_threshold_and_the_flag_overrides_it()
    {
        WriteOneContractDay(_root, closes: [1.00, 1.30, 1.00, 1.25, 1.25]);
        var config = Path.Combine(_root, "spx.yaml");
        File.WriteAllText(config, "scanner:\n  momentum_threshold: 0.28\n");

        var configured = CliRun.Of("scan", "momentum", "--lake", _root, "--config", config, "--dry-run", "--format", "csv");
        var flagged = CliRun.Of("scan", "momentum", "--lake", _root, "--config", config, "--threshold", "0.2", "--dry-run", "--format", "csv");

        Assert.Equal((0, 0), (configured.ExitCode, flagged.ExitCode));
        Assert.Contains("threshold,0.28", configured.OutputLines);
        Assert.Contains("events,1", configured.OutputLines);
        Assert.Contains("events,2", flagged.OutputLines);
    }

    [Fact]
    public void A_truncated_partition_is_left_out_with_a_warning_naming_it_and_the_other_dates_are_scanned()
    {
        WriteOneContractDay(_root, closes: [1.00, 1.30]);
        WriteOneContractDay(_root, closes: [1.00, 1.30, 1.00, 1.30], Day.AddDays(1));
        var damaged = new LakeLayout(_root).PartitionFiles("option_bars_1m", Day.AddDays(1)).Single();
        var bytes = File.ReadAllBytes(damaged);
        File.WriteAllBytes(damaged, bytes[..(bytes.Length / 2)]);

        var run = CliRun.Of("scan", "momentum", "--lake", _root, "--dry-run", "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        var warning = Assert.Single(run.ErrorLines);
        Assert.StartsWith("spx: warning: ", warning);
        Assert.Contains("date=2025-03-04", warning);
        Assert.Contains("bars,2", run.OutputLines);
        Assert.Contains("events,1", run.OutputLines);
    }

    [Fact]
    public void No_lake_is_one_error_line_and_exit_1()
    {
        var missing = Path.Combine(_root, "no-lake-here");

        var run = CliRun.Of("scan", "momentum", "--lake", missing);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("spx: error: ", line);
        Assert.Contains(missing, line);
        Assert.False(Directory.Exists(missing), "a scan must not create the lake folder");
    }

    [Fact]
    public void An_empty_range_is_a_one_line_note_and_no_output()
    {
        WriteOneContractDay(_root, closes: [1.00, 1.30]);

        var run = CliRun.Of("scan", "momentum", "--lake", _root, "--from", "2025-04-01", "--to", "2025-04-30", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([$"spx: no SPY option bars in option_bars_1m for 2025-04-01..2025-04-30 in {_root}: nothing to scan"], run.ErrorLines);
        Assert.Equal("", run.Output);
        Assert.False(Directory.Exists(Path.Combine(_root, "momentum_events")));
    }

    [Theory]
    [InlineData("--threshold", "-0.1", "--threshold '-0.1' must be greater than 0")]
    [InlineData("--threshold", "0", "--threshold '0' must be greater than 0")]
    [InlineData("--threshold", "abc", "--threshold 'abc' is not a number")]
    [InlineData("--threshold", "20", "--threshold '20' is more than 10: the threshold is a fraction, e.g. 0.2 for 20 %")]
    [InlineData("--underlying", "spy", "--underlying 'spy' is not a ticker")]
    [InlineData("--from", "03/03/2025", "--from '03/03/2025' is not a date")]
    public void A_bad_value_is_a_usage_error(string option, string value, string expected)
    {
        var run = CliRun.Of("scan", "momentum", "--lake", _root, option, value);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains(expected, line);
    }

    [Fact]
    public void A_reversed_range_is_a_usage_error()
    {
        var run = CliRun.Of("scan", "momentum", "--lake", _root, "--from", "2025-03-14", "--to", "2025-03-03");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["spx: --from 2025-03-14 is after --to 2025-03-03"], run.ErrorLines);
    }

    private static long Long(JsonElement json, string name) => json.GetProperty(name).GetInt64();

    /// <summary>One SPY call on <paramref name="date"/> (default <see cref="Day"/>): a bar a minute from 09:30, opening at 1.00 and closing at <paramref name="closes"/>.</summary>
    private static void WriteOneContractDay(string root, double[] closes, DateOnly? date = null)
    {
        var day = date ?? Day;
        const string ticker = "O:SPY250307C00580000";
        using var writer = new LakeWriter(new LakeLayout(root), DatasetRegistry.Default);
        writer.ReplacePartition("option_bars_1m", day, LakeSource.FromAppender(appender =>
        {
            for (var i = 0; i < closes.Length; i++)
            {
                var ts = NewYorkTime.ToUtc(day, new TimeOnly(9, 30)).AddMinutes(i);
                appender.CreateRow()
                    .AppendValue(ticker).AppendValue("SPY").AppendValue(new DateOnly(2025, 3, 7)).AppendValue("C").AppendValue(580.0)
                    .AppendValue(ts).AppendValue(1.00).AppendValue(Math.Max(1.00, closes[i])).AppendValue(Math.Min(1.00, closes[i]))
                    .AppendValue(closes[i]).AppendValue(10L).AppendValue((double?)null).AppendValue((long?)null)
                    .EndRow();
            }
        }));
    }
}
