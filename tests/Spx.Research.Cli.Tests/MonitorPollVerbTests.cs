using Spx.Research.Lake;
using Spx.Research.Monitor;

namespace Spx.Research.Cli.Tests;

/// <summary>
/// <c>spx monitor poll</c> usage errors, and the monitor's datasets as every lake shows them: empty typed
/// views before the first poll, never flagged by <c>lake check</c>'s incomplete-session rule. Polls against
/// the simulator are in the end-to-end tests.
/// </summary>
public sealed class MonitorPollVerbTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("spx-cli-monitor-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("--base-url", "ftp://example.com", "--base-url 'ftp://example.com' is not an http(s) URL")]
    [InlineData("--plan", "lots", "--plan 'lots': expected free, unlimited or N/SECONDS")]
    [InlineData("--format", "xml", "--format")]
    public void Bad_flags_are_one_line_usage_errors(string flag, string value, string expected)
    {
        var run = CliRun.Of("monitor", "poll", flag, value, "--lake", Path.Combine(_root, "lake"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(Directory.Exists(Path.Combine(_root, "lake")));
    }

    [Fact]
    public void Help_names_the_flags()
    {
        var run = CliRun.Of("monitor", "poll", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var flag in new[] { "--base-url", "--lake", "--plan", "--server-clock", "--format" }) Assert.Contains(flag, run.Output);
    }

    [Fact]
    public void An_unpolled_lake_reads_the_monitor_datasets_as_empty_typed_views()
    {
        Assert.Equal(0, CliRun.Of("generate", "--from", "2025-03-03", "--to", "2025-03-03", "--lake", _root, "--profile", "bench").ExitCode);

        var run = CliRun.Of("sql", "SELECT count(*) AS n, typeof(any_value(volume_delta)) AS t FROM monitor_polls", "--lake", _root, "--format", "csv");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(["n,t", "0,BIGINT"], run.OutputLines);
    }

    [Fact]
    public void Lake_check_does_not_call_a_monitor_only_session_incomplete()
    {
        Assert.Equal(0, CliRun.Of("generate", "--from", "2025-03-03", "--to", "2025-03-03", "--lake", _root, "--profile", "bench").ExitCode);
        using (var writer = new LakeWriter(new LakeLayout(_root), DatasetRegistry.Default))
        {
            writer.AppendToPartition(MonitorDatasets.Polls.Name, new DateOnly(2025, 3, 4), LakeSource.FromSql("""
                SELECT TIMESTAMPTZ '2025-03-04 15:00:00+00' AS poll_ts, DATE '2025-03-04' AS session, 'O:SPXW250404P05000000' AS ticker,
                       'SPX' AS underlying, 'SPXW' AS root, DATE '2025-04-04' AS expiry, 'P' AS option_right, 5000.0 AS strike, 5800.0 AS spot,
                       10::BIGINT AS day_volume, NULL::BIGINT AS open_interest, NULL::DOUBLE AS bid, NULL::DOUBLE AS ask, NULL::DOUBLE AS last_price,
                       NULL::DOUBLE AS day_vwap, NULL::DOUBLE AS iv, NULL::DOUBLE AS delta, NULL::DOUBLE AS gamma, NULL::DOUBLE AS theta,
                       NULL::DOUBLE AS vega, 10::BIGINT AS volume_delta
                """));
        }

        var check = CliRun.Of("lake", "check", "--lake", _root);

        Assert.True(check.ExitCode == 0, check.Output + check.Error);
    }
}
