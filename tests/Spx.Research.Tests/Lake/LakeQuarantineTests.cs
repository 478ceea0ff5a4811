using Spx.Research.Lake;

namespace Spx.Research.Tests.Lake;

public sealed class LakeQuarantineTests : IDisposable
{
    private const string Bars = "stock_bars_1m";
    private readonly TempLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public void Invalid_rows_go_to_quarantine_with_a_reason_and_valid_rows_are_written()
    {
        // 10 rows: row 2 has no close, row 5 has text for volume, row 7 is on the next New York day.
        var sql = $"""
            SELECT * EXCLUDE (i) REPLACE (
                CASE WHEN i = 2 THEN NULL ELSE close END AS close,
                CASE WHEN i = 5 THEN 'lots' ELSE CAST(volume AS VARCHAR) END AS volume,
                CASE WHEN i = 7 THEN ts + INTERVAL 1 DAY ELSE ts END AS ts)
            FROM ({TempLake.Bars(0, 10)}) JOIN range(10) AS r(i) ON ts = TIMESTAMPTZ '2024-01-02 14:30:00+00' + to_minutes(i)
            """;
        using var writer = _lake.Writer();

        var result = writer.AppendToPartition(Bars, TempLake.Day, LakeSource.FromSql(sql), InvalidRows.Quarantine);
        var again = writer.AppendToPartition(Bars, TempLake.Day, LakeSource.FromSql(sql), InvalidRows.Quarantine);

        Assert.Equal((7L, 3L), (result.NewRows, result.QuarantinedRows));
        Assert.False(again.Changed);
        var quarantined = Assert.Single(Directory.GetFiles(_lake.Layout.QuarantineDirectory(Bars, TempLake.Day)));
        Assert.Matches(@"part-[0-9a-f]{16}\.parquet$", quarantined);

        using var session = _lake.Session();
        Assert.Equal(7L, session.Scalar<long>($"SELECT count(*) FROM {Bars}"));
        var reasons = session.Query($"SELECT reason FROM quarantine.{Bars} ORDER BY ts", r =>
        {
            var list = new List<string>();
            while (r.Read()) list.Add(r.GetString(0));
            return list;
        });
        Assert.Equal(3, reasons.Count);
        Assert.Equal("close is NULL", reasons[0]);
        Assert.StartsWith("volume: lots (VARCHAR) does not convert to DOUBLE", reasons[1]);
        Assert.Contains("is on New York date 2024-01-03, not the partition date 2024-01-02", reasons[2]);
        Assert.Equal(3, session.Info().Single(i => i.Dataset == Bars).QuarantinedRows);
    }

    [Fact]
    public void Ingest_code_can_quarantine_raw_records_directly()
    {
        using var writer = _lake.Writer();
        writer.Connection.ExecuteNonQuery("CREATE TABLE raw AS SELECT '{\"T\":\"SPY\"}' AS payload, 1 AS line");
        var quarantine = new LakeQuarantine(_lake.Layout);

        var first = quarantine.Write(writer.Connection, "option_bars_1m", TempLake.Day, "SELECT * FROM raw", "unparseable option ticker");
        var second = writer.Quarantine("option_bars_1m", TempLake.Day, LakeSource.FromSql("SELECT * FROM raw"), "unparseable option ticker");
        var none = quarantine.Write(writer.Connection, "option_bars_1m", TempLake.Day, "SELECT * FROM raw WHERE false", "x");

        Assert.Equal(first, second);
        Assert.Null(none);
        Assert.StartsWith(Path.Combine(_lake.Root, "_quarantine", "option_bars_1m", "date=2024-01-02"), first);
        Assert.Equal("{\"T\":\"SPY\"}|unparseable option ticker",
            writer.Connection.ExecuteScalar<string>($"SELECT payload || '|' || reason FROM read_parquet('{first}')"));
        Assert.Throws<ArgumentException>(() => quarantine.Write(writer.Connection, "news", TempLake.Day, "SELECT 1 AS x"));
    }
}
