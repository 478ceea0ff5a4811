namespace Spx.Research.Lake;

/// <summary>
/// One dataset's Parquet files at one moment, by real path inside each partition's version folder.
/// Taken partition by partition: each partition's file list comes from one listing of one version, so
/// it is a state that partition really had. Those paths stay valid for the writers' retirement grace
/// period even after the partition moves on, which is what lets a <see cref="LakeSession"/> view read them
/// without racing writers.
/// </summary>
/// <param name="Dataset">Dataset name.</param>
/// <param name="Token">The dataset's change token read before listing (see <see cref="LakeChanges"/>).</param>
/// <param name="Partitions">Partitions with at least one file, ascending by date.</param>
internal sealed record LakeSnapshot(string Dataset, string Token, IReadOnlyList<(DateOnly Date, IReadOnlyList<string> Files)> Partitions)
{
    /// <summary>Every file of the snapshot.</summary>
    public IEnumerable<string> Files => Partitions.SelectMany(p => p.Files);

    /// <summary>Lists <paramref name="dataset"/> now.</summary>
    public static LakeSnapshot Take(LakeLayout layout, string dataset)
    {
        // The token first: a write that lands during the listing then shows up as a change next time.
        var token = LakeChanges.Read(layout, dataset);
        var partitions = new List<(DateOnly, IReadOnlyList<string>)>();
        foreach (var date in layout.Partitions(dataset))
        {
            var folder = LakeLayout.ResolvePartition(layout.DatasetDirectory(dataset), layout.PartitionDirectory(dataset, date));
            if (folder is null) continue;
            try
            {
                var files = LakeLayout.ParquetFiles(folder);
                if (files.Length > 0) partitions.Add((date, files));
            }
            catch (DirectoryNotFoundException)
            {
                // Deleted while we listed: the partition is gone.
            }
        }
        return new LakeSnapshot(dataset, token, partitions);
    }
}
