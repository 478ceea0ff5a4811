using Spx.Research.Lake;

namespace Spx.Research.Testing;

/// <summary>What a reader of a lake sees, as bytes: for comparing two lakes file by file.</summary>
public static class LakeFiles
{
    /// <summary>Every partition file of the lake at <paramref name="root"/>, by its path in the lake, with its bytes.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string root)
    {
        var layout = new LakeLayout(root);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var dataset in layout.DatasetsOnDisk())
        foreach (var date in layout.Partitions(dataset))
        foreach (var file in layout.PartitionFiles(dataset, date))
            files[Path.GetRelativePath(root, file)] = File.ReadAllBytes(file);
        return files;
    }
}
