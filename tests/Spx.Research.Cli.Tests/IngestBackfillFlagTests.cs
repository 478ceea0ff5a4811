using DuckDB.NET.Data;
using Spx.Research.Lake;

namespace Spx.Research.Cli.Tests;

/// <summary>
/// The backfill's discovery flags (flag, else configuration, else default; a bad value is one line, exit 2) and a
/// ticker the server has nothing for (one line naming it, exit 1, the other tickers stored) — issue 11, docs/ingest.md.
/// </summary>
public sealed class IngestBackfillFlagTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("spx-backfill-flags-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public static TheoryData<string, string[]> BadValues => new()
    {
        { "--expiry '2dte' is not 0dte or 1dte", ["--expiry", "2dte"] },
        { "--strike-band '0' must be greater than 0", ["--strike-band", "0"] },
        { "--strike-band '60' is over 50", ["--strike-band", "60"] },
        { "--strike-band 'wide' is not a number", ["--strike-band", "wide"] },
        { "--parallelism '0' must be between 1 and 64", ["--parallelism", "0"] },
        { "--parallelism 'many' is not a whole number", ["--parallelism", "many"] },
        { "--tickers 'spy' is not a ticker", ["--tickers", "SPY,spy"] },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_bad_flag_value_is_one_line_naming_the_flag_and_exits_2(string expected, string[] flag)
    {
        var run = CliRun.Of(["ingest", "backfill", "--from", "2025-03-03", "--to", "2025-03-03", "--base-url", "http://127.0.0.1:9", "--lake", _root, .. flag]);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line);
    }

    [Fact]
    public async Task A_flag_beats_the_configuration_which_beats_the_default()
    {
        var config = Path.Combine(_root, "spx.yaml");
        File.WriteAllText(config, "ingest:\n  expiry: 1dte\n  strike_band_percent: 0.5\n");
        var lake = Path.Combine(_root, "lake");
        await using var simulator = BackfillProcess.Simulator();
        var run = BackfillProcess.Run(OneDay(await simulator.StartAsync(), lake, "options", "--config", config, "--strike-band", "2"));

        Assert.True(run.ExitCode == 0, run.Error);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var selection = $"read_parquet({SqlText.Literal(Path.Combine(lake, "option_selection", "*", "*.parquet"))}, hive_partitioning = false)";
        // 1dte from the configuration: every chosen expiry is after the session.
        Assert.Equal(0L, connection.ExecuteScalar<long>($"SELECT count(*) FROM {selection} WHERE expiry <= session"));
        // ±2 % from the flag (not the configuration's 0.5 %): the band's edges are the open ± 2 %, rounded outward onto the grid.
        Assert.Equal(0L, connection.ExecuteScalar<long>(
            $"SELECT count(*) FROM {selection} WHERE NOT (band_high >= open_price * 1.02 AND band_high < open_price * 1.02 + grid_step " +
            $"AND band_low <= open_price * 0.98 AND band_low > open_price * 0.98 - grid_step)"));
        Assert.True(connection.ExecuteScalar<long>($"SELECT count(*) FROM {selection}") > 0);
    }

    [Fact]
    public async Task A_ticker_the_server_has_nothing_for_is_one_line_naming_it_and_the_others_are_stored()
    {
        var lake = Path.Combine(_root, "lake");
        await using var simulator = BackfillProcess.Simulator();

        var run = BackfillProcess.Run(OneDay(await simulator.StartAsync(), lake, "minutes,news,options", "--tickers", "SPY,QQQ"));

        Assert.Equal(1, run.ExitCode);
        var errors = run.Error.Split('\n').Where(l => l.StartsWith("spx: error: ", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(errors);
        Assert.StartsWith("spx: error: QQQ: the server returned no rows for QQQ from ", line);
        Assert.Contains("over 2025-03-03..2025-03-03", line);
        Assert.Single(Directory.GetDirectories(Path.Combine(lake, "option_bars_1m"), "date=*"));
        var (rows, _, _) = BackfillProcess.Compare(lake, lake, "stock_bars_1m");
        Assert.True(rows > 0);
    }

    private static string[] OneDay(Uri baseUri, string lake, string sources, params string[] more) =>
    [
        "ingest", "backfill", "--from", "2025-03-03", "--to", "2025-03-03", "--sources", sources, "--plan", "unlimited",
        "--base-url", baseUri.ToString(), "--lake", lake, "--format", "csv", .. more,
    ];
}
