using Spx.Research.Lake;
using Spx.Research.Synthetic;

namespace Spx.Research.Tests.Synthetic;

/// <summary>The committed sample lake is exactly what <c>spx samples</c> (the Samples build target) regenerates.</summary>
public sealed class SampleLakeTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("spx-sample-check-").FullName;

    [Fact]
    public void The_committed_sample_lake_regenerates_byte_for_byte()
    {
        var committed = SampleLake.Find(AppContext.BaseDirectory)
            ?? throw new DirectoryNotFoundException($"no {SampleLake.RelativePath} above {AppContext.BaseDirectory}");
        var rebuilt = Path.Combine(_scratch, "lake");
        SampleLake.Build(rebuilt);

        // File names are content hashes, so equal names mean equal bytes; compare the bytes anyway.
        var expected = Files(committed);
        var actual = Files(rebuilt);
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected, f => Assert.True(File.ReadAllBytes(f.Value).AsSpan().SequenceEqual(File.ReadAllBytes(actual[f.Key])), $"{f.Key} differs"));
    }

    [Fact]
    public void The_sample_lake_is_small_enough_to_commit_and_plain()
    {
        var committed = SampleLake.Find(AppContext.BaseDirectory)!;
        var bytes = Directory.EnumerateFiles(committed, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.InRange(bytes, 1_000_000, 30_000_000);
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(committed, "*", SearchOption.AllDirectories), p => new FileInfo(p).LinkTarget is not null);

        using var session = LakeSession.Open(committed);
        // Every registered dataset is listed; the monitor's are empty in the sample lake (nothing polled it).
        var info = session.Info().ToDictionary(i => i.Dataset);
        Assert.Equal(DatasetRegistry.Default.Datasets.Select(d => d.Name).Order(), info.Keys.Order());
        Assert.All(FoundationDatasets.All, d => Assert.Equal(((DateOnly?)SampleLake.From, (DateOnly?)SampleLake.To), (info[d.Name].FirstDate, info[d.Name].LastDate)));
        Assert.All(Spx.Research.Monitor.MonitorDatasets.All, d => Assert.Equal((0, 0L, (DateOnly?)null), (info[d.Name].Partitions, info[d.Name].Rows, info[d.Name].FirstDate)));
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private static SortedDictionary<string, string> Files(string root) =>
        new(Directory.EnumerateFiles(root, "*.parquet", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), f => f), StringComparer.Ordinal);
}
