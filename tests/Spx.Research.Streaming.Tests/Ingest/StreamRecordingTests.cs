using Spx.Research.Ingest.Streaming;
using Spx.Research.Simulator.Faults;
using static Spx.Research.Streaming.Tests.Ingest.RecordingFixture;

namespace Spx.Research.Streaming.Tests.Ingest;

/// <summary>
/// <c>spx ingest stream</c>'s recorder against the simulator replaying the sample lake: what it stores equals the
/// source bars of the replayed window row for row (DuckDB), across a dropped connection, with late events kept apart.
/// </summary>
public sealed class StreamRecordingTests
{
    /// <summary>Eight SPY 0DTE calls that trade every minute of the window in the sample lake.</summary>
    private static readonly string[] Contracts =
    [
        "O:SPY250303C00641000", "O:SPY250303C00644000", "O:SPY250303C00646000", "O:SPY250303C00647000",
        "O:SPY250303C00648000", "O:SPY250303C00650000", "O:SPY250303C00652000", "O:SPY250303C00654000",
    ];

    private static readonly string ContractFilter = "ticker IN (" + string.Join(", ", Contracts.Select(c => $"'{c}'")) + ")";

    [Fact]
    public async Task A_replayed_window_is_recorded_row_for_row_in_every_streamed_dataset()
    {
        await using var run = await StartAsync(At(3, 9, 30), TimeSpan.FromMinutes(40));
        var summary = await RecordAsync(run.Options(At(3, 9, 30), new TimeOnly(10, 0), Contracts));

        var (from, until) = (At(3, 9, 30), At(3, 10, 0));
        foreach (var dataset in new[] { "stock_bars_1s", "stock_bars_1m", "index_bars_1m", "option_bars_1m" })
        {
            var where = dataset == "option_bars_1m" ? ContractFilter : null;
            var expected = LakeComparison.SourceRows(SampleLake, dataset, from, until, where);
            var (differences, recorded) = LakeComparison.Compare(run.Lake, dataset, SampleLake, dataset, from, until, where);
            Assert.True(expected > 0, $"{dataset}: the source has no rows in the window");
            Assert.True(differences == 0, $"{dataset}: {differences} rows differ from the source");
            Assert.Equal(expected, recorded);
            Assert.Equal(expected, summary.Sources.Single(s => s.Source == dataset).RowsWritten);
        }
        Assert.True(1800 == summary.Sources.Single(s => s.Source == "stock_bars_1s").TotalToday, string.Join("\n", run.Log));
        Assert.True(summary.Flushes > 1, "flush_events 500 should have split 1800+ rows into several flushes");
        // Each flush appended a file; the stop compacted every partition into one.
        var layout = new Lake.LakeLayout(run.Lake);
        Assert.Single(Directory.GetFiles(layout.PartitionDirectory("stock_bars_1s", new DateOnly(2025, 3, 3)), "*.parquet"));
        Assert.All(summary.Sources.Where(s => s.Source != "news"), s => Assert.Equal(0, s.Late));
    }

    [Fact]
    public async Task A_dropped_connection_reconnects_and_the_lake_has_no_duplicate_and_no_gap()
    {
        // The stocks socket is reset after 120 data frames (two minutes of seconds), half a frame in flight.
        var drop = new FaultPlan(1, [new FaultRule("ws_stocks", "ws_drop", 1, 1, new Dictionary<string, string> { ["after"] = "120" })]);
        await using var run = await StartAsync(At(3, 9, 30), TimeSpan.FromMinutes(20), drop);
        var summary = await RecordAsync(run.Options(At(3, 9, 30), new TimeOnly(9, 45)));

        Assert.Contains(run.Log, l => l.StartsWith("stocks#1: reconnected (#1)", StringComparison.Ordinal));
        var (from, until) = (At(3, 9, 30), At(3, 9, 45));
        foreach (var dataset in new[] { "stock_bars_1s", "stock_bars_1m" })
        {
            Assert.Equal(0, LakeComparison.DuplicateKeys(run.Lake, dataset));
            var (differences, recorded) = LakeComparison.Compare(run.Lake, dataset, SampleLake, dataset, from, until);
            Assert.True(differences == 0, $"{dataset}: {differences} rows differ from the source (a gap or a changed row)");
            Assert.Equal(LakeComparison.SourceRows(SampleLake, dataset, from, until), recorded);
        }
        // The server replays the window again after the reconnect; the repeats are skipped, each second is counted once.
        Assert.Equal(900, summary.Sources.Single(s => s.Source == "stock_bars_1s").TotalToday);
    }

    [Fact]
    public async Task Events_older_than_the_session_go_to_the_late_dataset_and_the_session_to_its_own()
    {
        // The recorder is in the session of 2025-03-04 while the server still replays the close of 2025-03-03.
        await using var run = await StartAsync(At(3, 15, 50), TimeSpan.FromHours(18));
        var summary = await RecordAsync(run.Options(At(4, 9, 30), new TimeOnly(9, 40)));

        var seconds = summary.Sources.Single(s => s.Source == "stock_bars_1s");
        Assert.Equal(600, seconds.Late);
        var (lateDifferences, late) = LakeComparison.Compare(run.Lake, "stock_bars_1s_late", SampleLake, "stock_bars_1s", At(3, 15, 50), At(3, 16, 0));
        Assert.Equal((0L, 600L), (lateDifferences, late));
        var (differences, onTime) = LakeComparison.Compare(run.Lake, "stock_bars_1s", SampleLake, "stock_bars_1s", At(4, 9, 30), At(4, 9, 40));
        Assert.Equal((0L, 600L), (differences, onTime));
        Assert.Equal([new DateOnly(2025, 3, 3)], new Lake.LakeLayout(run.Lake).Partitions("stock_bars_1s_late"));
        Assert.Equal([new DateOnly(2025, 3, 4)], new Lake.LakeLayout(run.Lake).Partitions("stock_bars_1s"));
    }

    [Fact]
    public async Task More_topics_than_one_connection_may_carry_are_refused_before_connecting()
    {
        await using var run = await StartAsync(At(3, 9, 30), TimeSpan.FromMinutes(5));
        var options = run.Options(At(3, 9, 30), new TimeOnly(9, 35), Contracts) with
        {
            Settings = new() { MaxSubscriptionsPerConnection = 5 },
        };
        var error = await Assert.ThrowsAsync<StreamPlanException>(() => new StreamRecorder(options).RunAsync(CancellationToken.None));
        Assert.StartsWith("options: 8 topics need 2 connections of at most 5, but ingest.stream.max_connections_per_cluster is 1", error.Message);
        Assert.Equal(0, run.Simulator.SocketConnections);
    }

    [Fact]
    public async Task A_lake_that_cannot_be_written_fails_the_stream_instead_of_hanging_it()
    {
        await using var run = await StartAsync(At(3, 9, 30), TimeSpan.FromMinutes(40));
        var notAFolder = Path.Combine(run.Lake, "lake-is-a-file");
        await File.WriteAllTextAsync(notAFolder, "not a lake");
        var options = run.Options(At(3, 9, 30), new TimeOnly(10, 0)) with { LakeRoot = notAFolder };

        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => new StreamRecorder(options).RunAsync(guard.Token));

        Assert.False(guard.IsCancellationRequested, "the stream hung instead of failing");
        Assert.Contains("lake-is-a-file", error.ToString());
    }
}
