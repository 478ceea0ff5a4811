using Spx.Research.Cli;
using Spx.Research.Simulator.Faults;

namespace Spx.Research.EndToEnd.Tests;

/// <summary>
/// A full run of the API verbs — successes, retried faults, decode failures, a bad key, verbose stack
/// traces, every output format — captured whole: the API key appears in none of it.
/// </summary>
public sealed class KeySecrecyTests
{
    [Fact]
    public async Task The_key_never_appears_in_any_output_error_or_stack_trace()
    {
        var plan = new FaultPlan(3,
        [
            new FaultRule("aggs", "rate_limit", 1, 1, new Dictionary<string, string> { ["retry_after"] = "1" }),
            new FaultRule("chain_snapshot", "server_error", 1, 2),
            new FaultRule("news", "malformed", 1),
            new FaultRule("contracts", "cursor_loop", 1),
        ]);
        var (simulator, baseUri) = await Loopback.Start(plan);
        await using var _ = simulator;
        var url = baseUri.ToString();
        string[][] runs =
        [
            ["api", "aggs", "SPY", "--from", "2025-03-03", "--to", "2025-03-03", "--format", "json"],
            ["api", "chain", "SPX", "--expiration-gte", "2025-03-20", "--expiration-lte", "2025-03-21", "--format", "csv"],
            ["api", "snapshot", "SPY", "I:SPX", "NOPE"],
            ["api", "status", "--format", "json"],
            ["api", "holidays"],
            ["api", "news", "--limit", "5", "--retries", "1", "--verbose"],
            ["api", "contracts", "--underlying", "SPX", "--as-of", "2025-03-03", "--verbose"],
            ["api", "stream", "--cluster", "stocks", "--subscribe", "A.SPY", "--for", "2s", "--verbose"],
        ];

        var transcript = new System.Text.StringBuilder();
        var exitCodes = new List<int>();
        foreach (var run in runs)
        {
            var (code, output, error) = Cli([.. run, "--base-url", url, "--key", Loopback.Key]);
            exitCodes.Add(code);
            transcript.Append(output).Append(error);
        }

        var (badCode, badOutput, badError) = Cli(["api", "status", "--base-url", url, "--key", "WRONG-key-5e6f7a", "--verbose"]);
        transcript.Append(badOutput).Append(badError);

        // The run did real work and met real failures: the check is not vacuous.
        Assert.Equal([0, 0, 0, 0, 0, 1, 1, 0], exitCodes);
        Assert.Equal(1, badCode);
        Assert.Contains("\"close\"", transcript.ToString());
        Assert.Contains("O:SPX250321", transcript.ToString());
        Assert.Contains("PolygonDecodeException", transcript.ToString()); // --verbose stack trace of the malformed news page
        Assert.Contains("attempt 1/2 failed (HTTP 200 with a body that is not valid JSON", transcript.ToString()); // its retry, announced
        Assert.Contains("401", badError);

        Assert.DoesNotContain(Loopback.Key, transcript.ToString());
        Assert.DoesNotContain("WRONG-key-5e6f7a", transcript.ToString());
    }

    private static (int Code, string Output, string Error) Cli(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = SpxApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
