using Spx.Research.Configuration;
using Spx.Research.Ingest.Streaming;
using Spx.Research.Market;
using Spx.Research.Polygon.WebSocket;
using static Spx.Research.Streaming.Tests.Ingest.RecordingFixture;

namespace Spx.Research.Streaming.Tests.Ingest;

/// <summary>What is subscribed on which connection, and when a stream may run, stops, and calls an event late.</summary>
public sealed class PlanAndWindowTests
{
    [Fact]
    public void The_default_plan_is_one_connection_per_cluster_with_the_configured_topics()
    {
        var plan = ConnectionPlan.Split(ConnectionPlan.Topics(new IngestStreamSettings(), ["SPY"], ["O:SPY250303C00580000", "O:SPY250303P00570000"]), 1000, 1);
        Assert.Equal(
            [
                new PlannedConnection(StreamCluster.Stocks, 0, ["A.SPY", "AM.SPY"]),
                new PlannedConnection(StreamCluster.Options, 0, ["AM.O:SPY250303C00580000", "AM.O:SPY250303P00570000"]),
                new PlannedConnection(StreamCluster.Indices, 0, ["AM.I:SPX", "AM.I:VIX"]),
            ],
            plan.Select(p => p with { Topics = [.. p.Topics] }).ToList(),
            new PlanComparer());
    }

    [Theory]
    [InlineData(2500, 1000, 3, 3)]   // a plan that allows three connections gets three
    [InlineData(1000, 1000, 1, 1)]
    [InlineData(0, 1000, 1, 0)]      // no contracts, no options connection
    public void Option_topics_are_split_into_connections_of_at_most_the_configured_size(int contracts, int perConnection, int allowed, int expected)
    {
        var tickers = Enumerable.Range(0, contracts).Select(i => $"O:SPY250303C{i + 100000:00000000}").ToList();
        var plan = ConnectionPlan.Split(ConnectionPlan.Topics(new IngestStreamSettings(), ["SPY"], tickers), perConnection, allowed);
        var options = plan.Where(p => p.Cluster == StreamCluster.Options).ToList();
        Assert.Equal(expected, options.Count);
        Assert.All(options, p => Assert.True(p.Topics.Count <= perConnection));
        Assert.Equal(contracts, options.Sum(p => p.Topics.Count));
    }

    [Fact]
    public void Outside_the_session_the_stream_refuses_to_start_and_says_when_the_next_opens()
    {
        var saturday = NewYorkTime.ToUtc(new DateOnly(2025, 3, 8), new TimeOnly(11, 0));
        var error = Assert.Throws<StreamPlanException>(() => RecordingWindow.At(saturday, NyseCalendar.Default, null, false, TimeSpan.Zero));
        Assert.Equal("not streaming at 11:00 New York time: 2025-03-08 is not a NYSE session; the next opens 2025-03-10 09:30 (--outside-hours records anyway)", error.Message);
        var early = Assert.Throws<StreamPlanException>(() => RecordingWindow.At(At(3, 9, 0), NyseCalendar.Default, null, false, TimeSpan.Zero));
        Assert.Equal("not streaming at 09:00 New York time: the session of 2025-03-03 runs 09:30–16:00; the next opens 2025-03-03 09:30 (--outside-hours records anyway)", early.Message);
        Assert.Equal(At(3, 9, 30), RecordingWindow.At(At(3, 9, 0), NyseCalendar.Default, null, true, TimeSpan.Zero).Session.Open);
    }

    [Fact]
    public void The_stream_stops_at_the_close_an_early_close_or_until_and_late_means_before_the_open_minus_the_grace()
    {
        var grace = TimeSpan.FromMinutes(330);
        var normal = RecordingWindow.At(At(3, 10, 0), NyseCalendar.Default, null, false, grace);
        Assert.Equal((At(3, 16, 0), At(3, 4, 0)), (normal.Until, normal.LateBefore));
        Assert.True(normal.IsLate(At(3, 3, 59)));
        Assert.False(normal.IsLate(At(3, 4, 0)));

        var blackFriday = new DateOnly(2025, 11, 28);
        var early = RecordingWindow.At(NewYorkTime.ToUtc(blackFriday, new TimeOnly(10, 0)), NyseCalendar.Default, null, false, grace);
        Assert.Equal(NewYorkTime.ToUtc(blackFriday, new TimeOnly(13, 0)), early.Until);

        Assert.Equal(At(3, 11, 15), RecordingWindow.At(At(3, 10, 0), NyseCalendar.Default, new TimeOnly(11, 15), false, grace).Until);
        var past = Assert.Throws<StreamPlanException>(() => RecordingWindow.At(At(3, 10, 0), NyseCalendar.Default, new TimeOnly(9, 45), false, grace));
        Assert.Equal("--until 09:45 is not after now (10:00 New York time)", past.Message);
    }

    private sealed class PlanComparer : IEqualityComparer<PlannedConnection>
    {
        public bool Equals(PlannedConnection? x, PlannedConnection? y) =>
            x is not null && y is not null && x.Cluster == y.Cluster && x.Index == y.Index && x.Topics.SequenceEqual(y.Topics);

        public int GetHashCode(PlannedConnection obj) => HashCode.Combine(obj.Cluster, obj.Index);
    }
}
