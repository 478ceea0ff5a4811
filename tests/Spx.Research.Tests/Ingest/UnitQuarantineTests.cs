using DuckDB.NET.Data;
using Spx.Research.Ingest.Downloads;
using Spx.Research.Ingest.Pipeline;
using Spx.Research.Lake;

namespace Spx.Research.Tests.Ingest;

/// <summary>
/// A backfill unit redone (after a kill, or by <c>--overwrite</c>) keeps one copy of its rejects, the latest
/// download's: the unit's quarantine file is replaced, not added to (docs/ingest.md, "The resume guarantee").
/// Real files; a row with no volume is the reject (stock bars require one).
/// </summary>
public sealed class UnitQuarantineTests : IDisposable
{
    private static readonly DateOnly Day = new(2025, 3, 3);
    private readonly string _root = Directory.CreateTempSubdirectory("spx-unit-quarantine-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>Rejected minutes of the first run and of the redo (rows in reverse order when asked), and what stays quarantined.</summary>
    public static TheoryData<string, int[], int[], bool, int[]> Cases => new()
    {
        { "the same rejects again", [1, 3], [1, 3], false, [1, 3] },
        { "the same rejects, the server's order changed", [1, 3], [1, 3], true, [1, 3] },
        { "the reject corrected at the source", [1, 3], [], false, [] },
        { "another reject this time", [1], [2], false, [2] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_redone_unit_replaces_its_rejects_and_leaves_other_units_rejects(string why, int[] first, int[] redo, bool reversed, int[] kept)
    {
        var lake = new LakeLayout(_root);
        var store = new UnitStore(lake);
        await store.Write(Minutes("QQQ", [0], reversed: false), "QQQ", Day, overwrite: false, CancellationToken.None);
        await store.Write(Minutes("SPY", first, reversed: false), "SPY", Day, overwrite: false, CancellationToken.None);

        await store.Write(Minutes("SPY", redo, reversed), "SPY", Day, overwrite: false, CancellationToken.None);

        Assert.True(kept.SequenceEqual(Quarantined(lake, "SPY")), $"{why}: quarantined SPY minutes [{string.Join(", ", Quarantined(lake, "SPY"))}], expected [{string.Join(", ", kept)}]");
        Assert.Equal([0], Quarantined(lake, "QQQ"));
    }

    [Fact]
    public async Task An_overwrite_replaces_the_units_rejects_too()
    {
        var lake = new LakeLayout(_root);
        var store = new UnitStore(lake);
        await store.Write(Minutes("SPY", [1, 2], reversed: false), "SPY", Day, overwrite: false, CancellationToken.None);

        await store.Write(Minutes("SPY", [4], reversed: true), "SPY", Day, overwrite: true, CancellationToken.None);

        Assert.Equal([4], Quarantined(lake, "SPY"));
    }

    /// <summary>Five minute bars from 09:30 New York; the <paramref name="rejected"/> minutes have no volume.</summary>
    private static UnitRows Minutes(string ticker, int[] rejected, bool reversed)
    {
        var minutes = reversed ? Enumerable.Range(0, 5).Reverse() : Enumerable.Range(0, 5);
        return new UnitRows("stock_bars_1m", 5, appender =>
        {
            foreach (var m in minutes)
            {
                appender.CreateRow().AppendValue(ticker).AppendValue(new DateTimeOffset(2025, 3, 3, 14, 30 + m, 0, TimeSpan.Zero))
                    .AppendValue(570.0 + m).AppendValue(571.0 + m).AppendValue(569.0 + m).AppendValue(570.5 + m)
                    .AppendValue(rejected.Contains(m) ? null : (double?)1000).AppendValue((double?)570.2).AppendValue((long?)10).EndRow();
            }
        });
    }

    /// <summary>The minutes of <paramref name="ticker"/>'s rows in the quarantine, in order, duplicates kept.</summary>
    private static int[] Quarantined(LakeLayout lake, string ticker)
    {
        if (!LakeLayout.AnyParquet(lake.QuarantineDatasetDirectory("stock_bars_1m"))) return [];
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT CAST(minute(ts) - 30 AS INTEGER) FROM read_parquet({SqlText.Literal(lake.QuarantineGlob("stock_bars_1m"))}) " +
            $"WHERE ticker = {SqlText.Literal(ticker)} ORDER BY 1";
        using var reader = command.ExecuteReader();
        var minutes = new List<int>();
        while (reader.Read()) minutes.Add(reader.GetInt32(0));
        return [.. minutes];
    }
}
