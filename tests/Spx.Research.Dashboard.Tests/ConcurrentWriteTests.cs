using System.Net;
using Spx.Research.Configuration;
using Spx.Research.Monitor.EndOfDay;
using static Spx.Research.Dashboard.Tests.DashboardLake;
using static Spx.Research.Dashboard.Tests.TwoSessions;

namespace Spx.Research.Dashboard.Tests;

/// <summary>
/// The dashboard reads while the monitor writes: a writer appends a day of polls and runs end of day (which
/// compacts the day's files into one, swapping the partition) while requests keep coming. Every answer must
/// be one whole poll — all its contracts, one instant — and instants never go backwards.
/// </summary>
public sealed class ConcurrentWriteTests : IAsyncLifetime
{
    private static readonly string[] Tickers = [Busy, Thin, Dormant];

    private readonly DashboardLake _lake = new();
    private RunningDashboard _dashboard = null!;

    public async Task InitializeAsync() => _dashboard = await RunningDashboard.Start(_lake.Root);

    public async Task DisposeAsync()
    {
        await _dashboard.DisposeAsync();
        _lake.Dispose();
    }

    [Fact]
    public async Task Every_answer_is_one_whole_poll_while_polls_and_end_of_day_are_written()
    {
        var instants = Enumerable.Range(0, 26).Select(i => Et(Wednesday, 9, 45).AddMinutes(15 * i)).ToArray();
        _lake.WritePolls(Poll(instants[0], 0));
        var writer = Task.Run(() =>
        {
            for (var i = 1; i < instants.Length; i++)
            {
                _lake.WritePolls(Poll(instants[i], i));
                if (i % 8 == 0) new MonitorEndOfDay(_lake.Layout, new MonitorSettings()).Run(Wednesday);
            }
            new MonitorEndOfDay(_lake.Layout, new MonitorSettings()).Run(Wednesday);
        });

        var seen = new List<string>();
        var answers = 0;
        while (!writer.IsCompleted || answers == 0)
        {
            var answer = await _dashboard.Get("/api/intraday/latest");
            Assert.True(answer.Status == HttpStatusCode.OK, $"{(int)answer.Status} {answer.Body}");
            var rows = answer.Json.GetProperty("rows").EnumerateArray().ToArray();
            var pollTs = answer.Json.GetProperty("poll_ts").GetString()!;
            var index = Array.FindIndex(instants, t => JsonTime(t) == pollTs);
            Assert.True(index >= 0, $"poll_ts {pollTs} was never written");
            Assert.Equal(Tickers.Order(StringComparer.Ordinal), rows.Select(r => r.GetProperty("ticker").GetString()!).Order(StringComparer.Ordinal));
            Assert.All(rows, r => Assert.Equal(100L * (index + 1), r.GetProperty("day_volume").GetInt64()));
            if (seen.Count > 0) Assert.True(string.CompareOrdinal(seen[^1], pollTs) <= 0, $"went back from {seen[^1]} to {pollTs}");
            seen.Add(pollTs);
            answers++;
        }
        await writer;

        var last = await _dashboard.Json("/api/intraday");
        Assert.Equal(instants.Select(JsonTime), last.GetProperty("polls").EnumerateArray().Select(p => p.GetString()!));
        Assert.Equal(JsonTime(instants[^1]), (await _dashboard.Json("/api/intraday/latest")).GetProperty("poll_ts").GetString());
    }

    private static Poll[] Poll(DateTimeOffset at, int index) =>
        [.. Tickers.Select((t, i) => new Poll(at, t, t == Dormant ? April18 : April4, 5700 + 100 * i, 100L * (index + 1), 100))];

    private static string JsonTime(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
