using System.CommandLine;
using System.Net;
using Spx.Research.Cli.Commands;

namespace Spx.Research.Dashboard.Tests;

/// <summary>
/// <c>spx monitor dashboard</c> as the CLI builds it (the verb is attached under <c>spx monitor</c> at merge,
/// so it runs here under a bare root): flags parse with one-line errors, it starts on loopback, prints the
/// URL, serves, and stops when cancelled (what Ctrl+C and SIGTERM do).
/// </summary>
public sealed class MonitorDashboardCommandTests : IDisposable
{
    private readonly DashboardLake _lake = new();

    public void Dispose() => _lake.Dispose();

    private static ParseResult Parse(params string[] args) => new RootCommand { MonitorDashboardCommand.Create() }.Parse(["dashboard", .. args]);

    [Theory]
    [InlineData("--address", "localhost", "--address 'localhost' is not an IP address (e.g. 127.0.0.1, or 0.0.0.0 for every interface)")]
    [InlineData("--port", "70000", "--port '70000' ")]
    [InlineData("--port", "http", "--port 'http' is not a whole number")]
    public void A_bad_flag_is_a_usage_error_naming_it(string flag, string value, string message)
    {
        var parse = Parse(flag, value);

        Assert.Contains(parse.Errors, e => e.Message.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task It_serves_on_loopback_prints_the_url_and_stops_when_cancelled()
    {
        TwoSessions.Write(_lake);
        var output = new StringWriter();
        var errors = new StringWriter();
        var config = new InvocationConfiguration { Output = TextWriter.Synchronized(output), Error = TextWriter.Synchronized(errors) };
        using var stop = new CancellationTokenSource();

        var run = Parse("--lake", _lake.Root, "--port", "0").InvokeAsync(config, stop.Token);
        var url = await UrlPrinted(output, run);
        using var http = new HttpClient();
        using var version = await http.GetAsync(new Uri(url, "/api/version"));
        using var latest = await http.GetAsync(new Uri(url, "/api/intraday/latest"));
        await stop.CancelAsync();
        var exit = await run;

        Assert.Equal("127.0.0.1", url.Host);
        Assert.Equal(HttpStatusCode.OK, version.StatusCode);
        Assert.Equal(HttpStatusCode.OK, latest.StatusCode);
        Assert.Equal(0, exit);
        Assert.EndsWith("stopped" + Environment.NewLine, output.ToString());
        Assert.Equal("", errors.ToString());
    }

    [Fact]
    public async Task A_missing_lake_is_a_warning_not_a_failure()
    {
        var missing = Path.Combine(_lake.Root, "later");
        var output = new StringWriter();
        var errors = new StringWriter();
        var config = new InvocationConfiguration { Output = TextWriter.Synchronized(output), Error = TextWriter.Synchronized(errors) };
        using var stop = new CancellationTokenSource();

        var run = Parse("--lake", missing, "--port", "0").InvokeAsync(config, stop.Token);
        await UrlPrinted(output, run);
        await stop.CancelAsync();

        Assert.Equal(0, await run);
        Assert.Equal($"spx: warning: no lake at {missing} yet: the API answers 503 until the monitor writes one" + Environment.NewLine, errors.ToString());
    }

    /// <summary>The URL the command prints first; fails if the command ends before printing one.</summary>
    private static async Task<Uri> UrlPrinted(StringWriter output, Task<int> run)
    {
        while (true)
        {
            var first = output.ToString().Split(Environment.NewLine)[0];
            if (first.StartsWith("http://", StringComparison.Ordinal)) return new Uri(first);
            Assert.False(run.IsCompleted, $"the command ended (exit {(run.IsCompletedSuccessfully ? run.Result : -1)}) without printing a URL: {output}");
            await Task.Delay(50);
        }
    }
}
