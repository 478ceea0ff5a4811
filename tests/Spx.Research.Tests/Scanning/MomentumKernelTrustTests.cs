using System.Globalization;
using DuckDB.NET.Data;
using Spx.Research.Scanning;

namespace Spx.Research.Tests.Scanning;

/// <summary>
/// When the kernel trusts a date (docs/scanner.md, "The order is checked, never assumed"): each contract-day one block
/// of rising times, the date in one stretch, every value present and finite, the terms the same on every bar of a
/// contract-day. Hand-made bars, one case per way to fail, streamed out of DuckDB as the scan streams the lake's;
/// 2024-10-04 is the date under test, 2024-10-07 always in order and always trusted.
/// </summary>
public sealed class MomentumKernelTrustTests
{
    private const string Call = "O:SPY241018C00570000";
    private const string Put = "O:SPY241018P00560000";
    private static readonly DateOnly Day = new(2024, 10, 4);
    private static readonly DateOnly NextDay = new(2024, 10, 7);

    // id, the bars of Day as "ticker minute close" (ticker C or P; optional 4th field: strike, or "null" for a NULL expiry), whether Day goes SQL
    [Theory]
    [InlineData("each contract-day one block in time order", "C 0 1.0, C 1 1.3, C 2 1.1, P 0 2.0, P 5 2.6", false)]
    [InlineData("a ticker seen again after another", "C 0 1.0, C 1 1.3, P 0 2.0, C 2 1.1", true)]
    [InlineData("a time that does not rise", "C 0 1.0, C 2 1.3, C 1 1.1", true)]
    [InlineData("a bar twice", "C 0 1.0, C 1 1.3, C 1 1.3", true)]
    [InlineData("a strike that changes within the contract-day", "C 0 1.0, C 1 1.3 575, C 2 1.1", true)]
    [InlineData("a NULL expiry", "C 0 1.0, C 1 1.3 null, C 2 1.1", true)]
    [InlineData("a close that is not finite", "C 0 1.0, C 1 NaN, C 2 1.1", true)]
    public void A_date_is_trusted_only_when_read_in_order(string id, string bars, bool sqlWay)
    {
        var result = Read([.. Rows(Day, bars), .. Rows(NextDay, "C 0 1.0, C 1 1.5")]);

        Assert.True(result.OutOfOrderDates.SequenceEqual(sqlWay ? [Day] : []), id);
        var dayOfTest = result.Days.Where(d => MomentumKernelResult.Day(d.Date) == Day).ToList();
        Assert.Equal(sqlWay ? 0 : 2, dayOfTest.Count);
        Assert.Equal(sqlWay ? [NextDay] : [Day, NextDay], result.Runs.Select(r => MomentumKernelResult.Day(r.Date)).Distinct());
        Assert.Single(result.Days, d => MomentumKernelResult.Day(d.Date) == NextDay && d.Ticker == Call && d.Bars == 2);
    }

    [Fact]
    public void A_date_that_comes_back_after_another_goes_sql_and_the_other_stays()
    {
        var result = Read([.. Rows(Day, "C 0 1.0"), .. Rows(NextDay, "C 0 1.0, C 1 1.5"), .. Rows(Day, "P 0 2.0")]);

        Assert.Equal([Day], result.OutOfOrderDates);
        Assert.Equal([NextDay], result.Days.Select(d => MomentumKernelResult.Day(d.Date)));
    }

    [Fact]
    public void A_trusted_contract_day_carries_its_ticker_terms_and_runs()
    {
        var result = Read([.. Rows(Day, "C 0 1.0, C 1 1.3, C 2 1.25, C 3 1.1, C 4 1.2")]);

        var day = Assert.Single(result.Days);
        Assert.Equal((Call, 5L, 1.0, 1.3, "C", 570.0), (day.Ticker, day.Bars, day.Reference, day.PeakClose, day.OptionRight, day.Strike));
        Assert.Equal(new DateOnly(2024, 10, 18), MomentumKernelResult.Day(day.Expiry));
        // Two runs at 20 %: minutes 1–2 (peak 1.3 at minute 1) and minute 4.
        Assert.Equal([(2L, 1.3), (1L, 1.2)], result.Runs.Select(r => (r.Duration, r.PeakClose)));
    }

    private static MomentumKernelResult Read(IEnumerable<string> rows)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var values = string.Join(",\n", rows.Select((row, i) => $"({i}, {row})"));
        var query = $"""
            SELECT CAST(d AS DATE) AS date, ticker, CAST(ts AS TIMESTAMPTZ) AS ts, CAST(o AS DOUBLE) AS open, CAST(c AS DOUBLE) AS close,
                   CAST(e AS DATE) AS expiry, option_right, CAST(s AS DOUBLE) AS strike
            FROM (VALUES {values}) AS v(n, d, ticker, ts, o, c, e, option_right, s)
            ORDER BY n
            """;
        return MomentumKernelScan.ReadBars(connection, query, threshold: 0.2);
    }

    /// <summary>The bars of <paramref name="date"/> as SQL VALUES rows: opens of 1.0 (C) and 2.0 (P), minutes after 13:30 UTC.</summary>
    private static IEnumerable<string> Rows(DateOnly date, string bars) => bars.Split(", ").Select(bar =>
    {
        var f = bar.Split(' ');
        var (ticker, right, open) = f[0] == "C" ? (Call, "C", 1.0) : (Put, "P", 2.0);
        var ts = date.ToDateTime(new TimeOnly(13, 30)).AddMinutes(int.Parse(f[1], CultureInfo.InvariantCulture));
        var close = $"'{f[2]}'";
        var expiry = f.Length > 3 && f[3] == "null" ? "NULL" : "'2024-10-18'";
        var strike = f.Length > 3 && f[3] != "null" ? f[3] : f[0] == "C" ? "570" : "560";
        return $"'{date:yyyy-MM-dd}', '{ticker}', '{ts:yyyy-MM-dd HH:mm:ss}+00', {open.ToString(CultureInfo.InvariantCulture)}, {close}, {expiry}, '{right}', {strike}";
    });
}
