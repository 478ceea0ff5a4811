using Spx.Research.Configuration;
using Spx.Research.Dashboard.Health;
using Spx.Research.Market;
using static Spx.Research.Dashboard.Tests.DashboardLake;

namespace Spx.Research.Dashboard.Tests;

/// <summary>
/// The health check's judgement at the edges, with the defaults (polls every 15 minutes from the open
/// plus 15 minutes of data delay; one missed poll tolerated), and the market state from the NYSE calendar:
/// a weekend, Good Friday 2025, the early close of 2025-11-28 and the first session after the March 2025 DST switch.
/// </summary>
public sealed class HealthTests
{
    private static readonly DateOnly Wednesday = new(2025, 3, 5);

    [Theory]
    [InlineData(10, 20, 10, 15, "ok")]
    [InlineData(10, 45, 10, 15, "ok")] // exactly two intervals: still ok
    [InlineData(10, 46, 10, 15, "late")] // two intervals and a minute: two polls missed
    [InlineData(9, 50, -1, 0, "waiting")] // first poll (09:45) not in yet, within its interval of grace
    [InlineData(10, 1, -1, 0, "late")] // grace over, still yesterday's poll
    [InlineData(17, 0, 15, 45, "idle")] // after the close nothing is expected
    public void Status_while_the_market_is_open_and_after(int hour, int minute, int pollHour, int pollMinute, string expected)
    {
        var now = Et(Wednesday, hour, minute);
        var lastPoll = pollHour < 0 ? Et(new DateOnly(2025, 3, 4), 15, 45) : Et(Wednesday, pollHour, pollMinute);

        var health = MonitorHealth.Judge(now, lastPoll, MarketState.At(now, NyseCalendar.Default), new MonitorSettings());

        Assert.Equal(expected, health.Status);
        Assert.Equal(now - lastPoll, health.Lag);
    }

    [Fact]
    public void No_polls_is_no_data_whatever_the_market_does()
    {
        var now = Et(Wednesday, 11, 0);

        var health = MonitorHealth.Judge(now, null, MarketState.At(now, NyseCalendar.Default), new MonitorSettings());

        Assert.Equal(new MonitorHealth("no_data", null), health);
    }

    [Theory]
    [InlineData("2025-03-05", 9, 29, "pre_open", null, "2025-03-05T14:30:00Z")]
    [InlineData("2025-03-05", 9, 30, "open", null, "2025-03-06T14:30:00Z")]
    [InlineData("2025-03-05", 16, 0, "closed", null, "2025-03-06T14:30:00Z")]
    [InlineData("2025-03-08", 12, 0, "weekend", null, "2025-03-10T13:30:00Z")] // next open after the DST switch: 09:30 EDT
    [InlineData("2025-04-18", 12, 0, "holiday", "Good Friday", "2025-04-21T13:30:00Z")]
    [InlineData("2025-11-28", 13, 0, "closed", "Day after Thanksgiving (early close)", "2025-12-01T14:30:00Z")] // early close at 13:00
    public void Market_state_comes_from_the_calendar(string date, int hour, int minute, string state, string? holiday, string nextOpen)
    {
        var market = MarketState.At(Et(DateOnly.Parse(date), hour, minute), NyseCalendar.Default);

        Assert.Equal(state, market.State);
        Assert.Equal(holiday, market.Holiday);
        Assert.Equal(DateTimeOffset.Parse(nextOpen), market.NextOpen);
    }
}
