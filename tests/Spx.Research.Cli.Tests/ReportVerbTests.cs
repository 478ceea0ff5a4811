namespace Spx.Research.Cli.Tests;

/// <summary>
/// <c>spx report</c> as users run it (the built spx as a process): the sample lake's page, byte for byte the same
/// on a second run, and each way it refuses: no lake (exit 1, nothing written), a bad output name or range (exit 2).
/// The page in a browser: Spx.Research.Tests, ScannerReportBrowserTests.
/// </summary>
public sealed class ReportVerbTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("spx-report-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string SampleLake => Synthetic.SampleLake.Find(AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException("data-samples/lake not found");

    [Fact]
    public void On_the_sample_lake_it_writes_one_self_contained_page_and_a_second_run_gives_the_same_bytes()
    {
        var first = Path.Combine(_root, "a", "report.html");
        var second = Path.Combine(_root, "b", "report.html");

        var one = CliRun.Process(_root, new Dictionary<string, string>(), "report", "--lake", SampleLake, "--output", first);
        var two = CliRun.Process(_root, new Dictionary<string, string>(), "report", "--lake", SampleLake, "--output", second);

        Assert.True(one.ExitCode == 0, one.Error);
        Assert.True(two.ExitCode == 0, two.Error);
        Assert.StartsWith($"report: {first} (", Assert.Single(one.OutputLines));
        Assert.Contains("3 charts, no option_minutes: IV surface not drawn", one.Output);
        var html = File.ReadAllText(first);
        Assert.Contains("/* plotly.js 4.1.2, inlined */", html);
        Assert.DoesNotContain("<script src=", html);
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        Assert.False(Directory.Exists(Path.Combine(SampleLake, "momentum_events")), "a report must not write to the lake");
    }

    [Fact]
    public void No_lake_is_one_error_line_exit_1_and_no_page()
    {
        var missing = Path.Combine(_root, "no-lake-here");
        var output = Path.Combine(_root, "report.html");

        var run = CliRun.Of("report", "--lake", missing, "--output", output);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("spx: error: ", line);
        Assert.Contains(missing, line);
        Assert.False(File.Exists(output));
        Assert.False(Directory.Exists(missing), "a report must not create the lake folder");
    }

    [Theory]
    [InlineData("--output", "report.txt", "--output report.txt: expected an .html file")]
    [InlineData("--session", "2025-13-01", "--session '2025-13-01' is not a date")]
    [InlineData("--threshold", "0", "--threshold '0' must be greater than 0")]
    public void A_bad_value_is_a_usage_error(string option, string value, string expected)
    {
        var run = CliRun.Of("report", "--lake", _root, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void A_reversed_range_is_a_usage_error()
    {
        var run = CliRun.Of("report", "--lake", _root, "--from", "2025-03-14", "--to", "2025-03-03");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["spx: --from 2025-03-14 is after --to 2025-03-03"], run.ErrorLines);
    }
}
