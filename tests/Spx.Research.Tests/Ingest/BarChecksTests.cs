using Spx.Research.Ingest.Quality;
using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Tests.Lake;

namespace Spx.Research.Tests.Ingest;

/// <summary>
/// The bar rules through a real <see cref="LakeWriter"/> on a temp lake: one bar per row of the table, written with
/// quarantine on; the row either lands in the partition or in the quarantine with the expected reason. Sessions per
/// docs/market-calendar.md: 2025-03-03 is a full day (EST, 09:30 ET = 14:30 UTC), 2024-11-29 closes at 13:00 ET
/// (18:00 UTC), 2025-07-04 is a holiday.
/// </summary>
public sealed class BarChecksTests : IDisposable
{
    private readonly TempLake _lake = new();

    // id, dataset, date, ts (UTC), open, high, low, close, volume, expected reason fragment (null: stored)
    [Theory]
    [InlineData("ok", "stock_bars_1m", "2025-03-03", "14:30:00", 10.0, 11.0, 9.0, 10.5, 100.0, null)]
    [InlineData("high<low", "stock_bars_1m", "2025-03-03", "14:31:00", 10.0, 9.0, 11.0, 10.0, 100.0, "high 9.0 is below low 11.0")]
    [InlineData("open>high", "stock_bars_1m", "2025-03-03", "14:32:00", 12.0, 11.0, 9.0, 10.0, 100.0, "open 12.0 is outside [low 9.0, high 11.0]")]
    [InlineData("close<low", "stock_bars_1m", "2025-03-03", "14:33:00", 10.0, 11.0, 9.0, 8.5, 100.0, "close 8.5 is outside [low 9.0, high 11.0]")]
    [InlineData("negative volume", "stock_bars_1m", "2025-03-03", "14:34:00", 10.0, 11.0, 9.0, 10.0, -1.0, "volume -1.0 is negative")]
    [InlineData("negative price", "stock_bars_1m", "2025-03-03", "14:35:00", -1.0, 0.0, -2.0, -1.0, 1.0, "low -2.0 is negative")]
    [InlineData("pre-market stock", "stock_bars_1m", "2025-03-03", "09:00:00", 10.0, 11.0, 9.0, 10.0, 1.0, null)]
    [InlineData("before 04:00 ET", "stock_bars_1m", "2025-03-03", "08:59:00", 10.0, 11.0, 9.0, 10.0, 1.0, "outside the extended hours 04:00–20:00 ET")]
    [InlineData("option 16:10 ET", "option_bars_1m", "2025-03-03", "21:10:00", 1.0, 1.1, 0.9, 1.0, 5.0, null)]
    [InlineData("option 16:15 ET", "option_bars_1m", "2025-03-03", "21:15:00", 1.0, 1.1, 0.9, 1.0, 5.0, "outside the options hours 09:30–16:15 ET")]
    [InlineData("option pre-market", "option_bars_1m", "2025-03-03", "14:29:00", 1.0, 1.1, 0.9, 1.0, 5.0, "outside the options hours")]
    [InlineData("early close 13:15 ET", "option_bars_1m", "2024-11-29", "18:15:00", 1.0, 1.1, 0.9, 1.0, 5.0, "outside the options hours 09:30–13:15 ET")]
    [InlineData("early close 13:14 ET", "option_bars_1m", "2024-11-29", "18:14:00", 1.0, 1.1, 0.9, 1.0, 5.0, null)]
    [InlineData("holiday", "stock_bars_1m", "2025-07-04", "14:30:00", 10.0, 11.0, 9.0, 10.0, 1.0, "2025-07-04, when the NYSE is closed")]
    public void A_bar_is_stored_or_quarantined_with_its_reason(
        string id, string dataset, string date, string utcTime, double open, double high, double low, double close, double volume, string? reason)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        using var writer = _lake.Writer(options: new BarChecks(NyseCalendar.Default).Apply());

        var result = writer.AppendToPartition(dataset, day, LakeSource.FromSql(Bar(dataset, $"{date} {utcTime}+00", open, high, low, close, volume)), InvalidRows.Quarantine);

        Assert.True((reason is null ? 1 : 0) == result.NewRows, $"{id}: stored {result.NewRows}");
        Assert.Equal(reason is null ? 0 : 1, result.QuarantinedRows);
        if (reason is null) return;
        using var session = _lake.Session();
        var stored = session.Scalar<string>($"SELECT reason FROM quarantine.{dataset}");
        Assert.True(stored!.Contains(reason, StringComparison.Ordinal), $"{id}: reason was '{stored}'");
    }

    [Fact]
    public void Rejecting_names_the_rule_the_row_and_the_value()
    {
        using var writer = _lake.Writer(options: new BarChecks(NyseCalendar.Default).Apply());
        var bad = LakeSource.FromSql(Bar("stock_bars_1m", "2025-03-03 14:30:00+00", 10, 9, 11, 10, 1));

        var error = Assert.Throws<LakeSchemaException>(() => writer.AppendToPartition("stock_bars_1m", new DateOnly(2025, 3, 3), bad));

        Assert.Contains("column 'high': 1 bar(s) with high below low (first at input row 1: ticker=SPY, ts=2025-03-03 14:30:00+00, value 9.0)", error.Message);
        Assert.Empty(_lake.Layout.Partitions("stock_bars_1m"));
    }

    [Fact]
    public void Without_the_checks_the_writer_keeps_its_old_rules()
    {
        using var writer = _lake.Writer();
        var result = writer.AppendToPartition("stock_bars_1m", new DateOnly(2025, 3, 3), LakeSource.FromSql(Bar("stock_bars_1m", "2025-03-03 14:30:00+00", 10, 9, 11, 10, 1)));
        Assert.Equal(1, result.NewRows);
    }

    private static string Bar(string dataset, string ts, double open, double high, double low, double close, double volume)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        string N(double v) => v.ToString("R", inv);
        var prices = $"TIMESTAMPTZ '{ts}' AS ts, {N(open)} AS open, {N(high)} AS high, {N(low)} AS low, {N(close)} AS close";
        return dataset == "option_bars_1m"
            ? $"SELECT 'O:SPY250303C00580000' AS ticker, 'SPY' AS underlying, DATE '2025-03-03' AS expiry, 'C' AS option_right, 580.0 AS strike, {prices}, CAST({N(volume)} AS BIGINT) AS volume, NULL::DOUBLE AS vwap, NULL::BIGINT AS trades"
            : $"SELECT 'SPY' AS ticker, {prices}, CAST({N(volume)} AS DOUBLE) AS volume, NULL::DOUBLE AS vwap, NULL::BIGINT AS trades";
    }

    public void Dispose() => _lake.Dispose();
}
