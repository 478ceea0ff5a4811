using Spx.Research.Configuration;
using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Monitor;
using Spx.Research.Monitor.Polling;

namespace Spx.Research.EndToEnd.Tests;

/// <summary>
/// <see cref="MonitorPoll"/> through the real client against the simulator serving the sample lake: two polls
/// 15 minutes apart store exactly what the simulator served (its chain_snapshots poll at or before each
/// instant, in the window), with each contract's volume since the previous poll; a weekend polls nothing.
/// </summary>
public sealed class MonitorPollTests : IDisposable
{
    private static readonly DateOnly Day = new(2025, 3, 3);
    private readonly string _lake = Directory.CreateTempSubdirectory("spx-e2e-poll-").FullName;

    public void Dispose() => Directory.Delete(_lake, recursive: true);

    private async Task<PollResult> PollAt(TimeOnly simulatorTime, TimeSpan clockOffset)
    {
        var instant = NewYorkTime.ToUtc(Day, simulatorTime);
        var (simulator, baseUri) = await Loopback.Start(clock: instant);
        await using var _ = simulator;
        using var client = Loopback.Client(baseUri);
        var poll = new MonitorPoll(client, new LakeLayout(_lake), new MonitorSettings(), new FixedClock(instant + clockOffset));
        return await poll.RunAsync();
    }

    [Fact]
    public async Task Two_polls_fifteen_minutes_apart_store_what_the_simulator_served_with_volume_deltas()
    {
        var first = await PollAt(new TimeOnly(10, 30), TimeSpan.FromSeconds(25));
        var second = await PollAt(new TimeOnly(10, 45), TimeSpan.FromSeconds(59));

        Assert.Equal(NewYorkTime.ToUtc(Day, new TimeOnly(10, 30)), first.PollTs);
        Assert.Equal(NewYorkTime.ToUtc(Day, new TimeOnly(10, 45)), second.PollTs);
        using var sample = LakeSession.Open(Loopback.SampleLake);
        using var lake = LakeSession.Open(_lake);
        foreach (var poll in new[] { first, second })
        {
            // Spot: the simulator's I:SPX value is its last minute bar at or before the clock.
            var spot = sample.Scalar<double>($"SELECT last(close ORDER BY ts) FROM index_bars_1m WHERE ticker = 'I:SPX' AND date = DATE '2025-03-03' AND ts <= TIMESTAMPTZ '{poll.PollTs:O}'");
            Assert.Equal(spot, poll.Spot);
            var window = new ContractWindow(new MonitorSettings(), Day, spot);
            var served = Rows(sample, $"""
                SELECT ticker, coalesce(day_volume, 0), open_interest, bid, ask, iv, delta, gamma, theta, vega FROM chain_snapshots
                WHERE date = DATE '2025-03-03' AND option_right = 'P'
                  AND snapshot_ts = (SELECT max(snapshot_ts) FROM chain_snapshots WHERE date = DATE '2025-03-03' AND snapshot_ts <= TIMESTAMPTZ '{poll.PollTs:O}')
                """).Where(r => window.Contains(OptionTicker.Parse(r[0]))).ToArray();
            var stored = Rows(lake, $"""
                SELECT ticker, day_volume, open_interest, bid, ask, iv, delta, gamma, theta, vega FROM monitor_polls
                WHERE poll_ts = TIMESTAMPTZ '{poll.PollTs:O}' AND spot = {spot.ToString(System.Globalization.CultureInfo.InvariantCulture)} AND session = DATE '2025-03-03'
                """);
            Assert.True(served.Length > 100, $"{served.Length} contracts in the window");
            Assert.Equal(served.Select(r => string.Join("|", r)).Order(), stored.Select(r => string.Join("|", r)).Order());
            Assert.Equal(served.Length, poll.RowsWritten);
        }

        // volume_delta: the first poll's is the day volume; the second's is the change since the first (never negative).
        var deltas = Rows(lake, """
            SELECT b.ticker, b.volume_delta, CASE WHEN a.ticker IS NULL THEN b.day_volume ELSE greatest(b.day_volume - a.day_volume, 0) END
            FROM monitor_polls b LEFT JOIN monitor_polls a ON a.ticker = b.ticker AND a.poll_ts < b.poll_ts
            """);
        Assert.All(deltas, r => Assert.Equal(r[2], r[1]));
        Assert.Contains(deltas, r => long.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.True(lake.Scalar<long>("SELECT count(*) FROM monitor_polls WHERE poll_ts = (SELECT max(poll_ts) FROM monitor_polls) AND volume_delta < day_volume") > 0,
            "the second poll measures from the first");
    }

    [Fact]
    public async Task Polling_the_same_minute_again_changes_no_file()
    {
        await PollAt(new TimeOnly(10, 30), TimeSpan.FromSeconds(5));
        var files = Spx.Research.Testing.LakeFiles.Snapshot(_lake);

        var again = await PollAt(new TimeOnly(10, 30), TimeSpan.FromSeconds(40));

        Assert.Equal(0, again.RowsWritten);
        Assert.True(again.Contracts > 100);
        var after = Spx.Research.Testing.LakeFiles.Snapshot(_lake);
        Assert.Equal(files.Keys, after.Keys);
        Assert.All(files, f => Assert.Equal(f.Value, after[f.Key]));
    }

    [Fact]
    public async Task A_weekend_polls_nothing_and_says_so_once()
    {
        var saturday = NewYorkTime.ToUtc(new DateOnly(2025, 3, 8), new TimeOnly(11, 0));
        var (simulator, baseUri) = await Loopback.Start(clock: saturday);
        await using var _ = simulator;
        using var client = Loopback.Client(baseUri);

        var result = await new MonitorPoll(client, new LakeLayout(_lake), new MonitorSettings(), new FixedClock(saturday)).RunAsync();

        Assert.Equal("2025-03-08 is not a trading session (Saturday): nothing to poll", result.Skipped);
        Assert.Equal((0, 0L), (result.Contracts, result.RowsWritten));
        Assert.Equal(0, simulator.RestRequests);
        Assert.False(Directory.Exists(Path.Combine(_lake, MonitorDatasets.Polls.Name)));
    }

    [Fact]
    public async Task A_holiday_is_named()
    {
        var goodFriday = NewYorkTime.ToUtc(new DateOnly(2025, 4, 18), new TimeOnly(11, 0));
        using var client = Loopback.Client(new Uri("http://127.0.0.1:9")); // never called

        var result = await new MonitorPoll(client, new LakeLayout(_lake), new MonitorSettings(), new FixedClock(goodFriday)).RunAsync();

        Assert.Equal("2025-04-18 is not a trading session (Good Friday): nothing to poll", result.Skipped);
    }

    private static string[][] Rows(LakeSession session, string sql) => session.Query(sql, r =>
    {
        var rows = new List<string[]>();
        while (r.Read())
            rows.Add(Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "NULL" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        return rows.ToArray();
    });

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
