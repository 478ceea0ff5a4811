using Spx.Research.Lake;

namespace Spx.Research.Tests.Lake;

/// <summary>
/// A lake with a damaged file (cut short, as by a full disk or a bad copy): rewriting repairs it, and a
/// session reads everything else, naming what it left out (issue 9, defect 7.1).
/// </summary>
public sealed class DamagedLakeTests : IDisposable
{
    private const string Bars = "stock_bars_1m";
    private const string Index = "index_bars_1m";
    private readonly TempLake _lake = new();

    public void Dispose() => _lake.Dispose();

    /// <summary>Cuts the partition's only file to half its length, in place, as a crash or bad copy would.</summary>
    private string Truncate(string dataset, DateOnly date)
    {
        var file = Assert.Single(_lake.Layout.PartitionFiles(dataset, date));
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Write);
        stream.SetLength(stream.Length / 2);
        return file;
    }

    private static LakeSource IndexBars(DateOnly day, int rows) => LakeSource.FromSql(
        $"SELECT 'I:SPX' AS ticker, TIMESTAMPTZ '{day:yyyy-MM-dd} 14:30:00+00' + to_minutes(i) AS ts, " +
        $"5800.0 + i AS open, 5801.0 + i AS high, 5799.0 + i AS low, 5800.5 + i AS close FROM range({rows}) t(i)");

    private void WriteTwoDaysOfTwoDatasets()
    {
        using var writer = _lake.Writer();
        writer.ReplacePartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 30)));
        writer.ReplacePartition(Bars, TempLake.NextDay, LakeSource.FromSql(TempLake.Bars(0, 20, day: TempLake.NextDay)));
        writer.ReplacePartition(Index, TempLake.Day, IndexBars(TempLake.Day, 10));
    }

    [Fact]
    public void Rewriting_the_same_rows_over_a_truncated_file_replaces_it()
    {
        using var writer = _lake.Writer();
        writer.ReplacePartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 390)));
        var damaged = Truncate(Bars, TempLake.Day);

        var rewrite = writer.ReplacePartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 390)));

        Assert.True(rewrite.Changed, "the rewrite kept the damaged file because its name matched");
        var file = Assert.Single(_lake.Layout.PartitionFiles(Bars, TempLake.Day));
        Assert.Equal(Path.GetFileName(damaged), Path.GetFileName(file)); // same content, same name …
        Assert.Null(ParquetEnvelope.Problem(file));                      // … but whole again
        using var session = _lake.Session();
        Assert.Empty(session.Warnings);
        Assert.Equal(390L, session.Scalar<long>($"SELECT count(*) FROM {Bars}"));
    }

    [Fact]
    public void A_session_leaves_out_the_partition_with_an_unreadable_file_and_names_it()
    {
        WriteTwoDaysOfTwoDatasets();
        var damaged = Truncate(Bars, TempLake.Day);

        using var session = _lake.Session();

        var warning = Assert.Single(session.Warnings);
        Assert.Contains($"{Bars}/date=2024-01-02", warning);
        Assert.Contains(Path.GetFileName(damaged), warning);
        Assert.Equal(20L, session.Scalar<long>($"SELECT count(*) FROM {Bars}"));            // the other date
        Assert.Equal(10L, session.Scalar<long>($"SELECT count(*) FROM {Index}"));           // the other dataset
        var info = session.Info().Single(i => i.Dataset == Bars);
        Assert.Equal((1, 20L, TempLake.NextDay), (info.Partitions, info.Rows, info.FirstDate));
    }

    [Fact]
    public void A_session_takes_a_partition_back_once_it_is_rewritten()
    {
        WriteTwoDaysOfTwoDatasets();
        Truncate(Bars, TempLake.Day);
        using var session = _lake.Session();
        Assert.Single(session.Warnings);

        using (var writer = _lake.Writer()) writer.ReplacePartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 30)));

        Assert.Equal(50L, session.Scalar<long>($"SELECT count(*) FROM {Bars}"));
        Assert.Empty(session.Warnings);
    }
}
