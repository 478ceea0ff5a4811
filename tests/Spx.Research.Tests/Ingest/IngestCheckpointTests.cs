using Spx.Research.Ingest.Checkpoints;
using Spx.Research.Lake;

namespace Spx.Research.Tests.Ingest;

/// <summary>
/// The checkpoint on real files: a recorded unit counts as done only while its partition file is there with the
/// bytes its name was made from; a damaged checkpoint file is refused with one line naming it.
/// </summary>
public sealed class IngestCheckpointTests : IDisposable
{
    private static readonly DateOnly Day = new(2025, 3, 3);
    private readonly string _root = Directory.CreateTempSubdirectory("spx-checkpoint-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_recorded_unit_is_intact_until_its_file_is_damaged_or_removed()
    {
        var lake = new LakeLayout(_root);
        var files = WriteMinuteBars(lake);
        var checkpoint = IngestCheckpoint.Open(lake, "backfill-SPY");
        checkpoint.Complete("minutes/SPY/2025-03-03", new CompletedUnit(2, files, DateTimeOffset.UnixEpoch));

        var reopened = IngestCheckpoint.Open(lake, "backfill-SPY").Find("minutes/SPY/2025-03-03")!;
        Assert.Equal(files, reopened.Files);
        Assert.True(IngestCheckpoint.IsIntact(lake, reopened));

        var path = Path.Combine(_root, files[0]);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]); // truncated
        Assert.False(IngestCheckpoint.IsIntact(lake, reopened));
        File.Delete(path);
        Assert.False(IngestCheckpoint.IsIntact(lake, reopened));
    }

    [Theory]
    [InlineData("{\"job\": \"backfill-SPY\", \"units\": {\"minutes/SPY/2025-03-03\": {\"rows\": \"many\"}}}", "not a checkpoint")]
    [InlineData("{\"job\": \"backfill-SPY\", \"units\": {", "not a checkpoint")]
    [InlineData("{\"job\": \"backfill-QQQ\", \"version\": 1, \"units\": {}}", "the checkpoint is of job 'backfill-QQQ', expected 'backfill-SPY'")]
    [InlineData("null", "the checkpoint is empty")]
    public void A_damaged_checkpoint_is_refused_naming_the_file(string text, string expected)
    {
        var lake = new LakeLayout(_root);
        var path = IngestCheckpoint.PathOf(lake, "backfill-SPY");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);

        var failure = Assert.Throws<InvalidDataException>(() => IngestCheckpoint.Open(lake, "backfill-SPY"));

        Assert.StartsWith(path + ": ", failure.Message);
        Assert.Contains(expected, failure.Message);
        Assert.DoesNotContain('\n', failure.Message);
    }

    private static IReadOnlyList<string> WriteMinuteBars(LakeLayout lake)
    {
        using var writer = new LakeWriter(lake, DatasetRegistry.Default);
        var result = writer.AppendToPartition("stock_bars_1m", Day, LakeSource.FromSql("""
            SELECT 'SPY' AS ticker, TIMESTAMPTZ '2025-03-03 14:30:00+00' + to_minutes(i::BIGINT) AS ts, 570.0 AS open, 571.0 AS high,
                   569.0 AS low, 570.5 AS close, 1000.0 AS volume, 570.2 AS vwap, 10::BIGINT AS trades FROM range(2) t(i)
            """));
        return [.. result.Files.Select(f => Path.GetRelativePath(lake.Root, f).Replace('\\', '/'))];
    }
}
