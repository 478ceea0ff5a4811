namespace Spx.Research.Lake;

/// <summary>
/// Copies what a reader sees in a lake into a plain Hive tree — <c>dataset/date=…/part-….parquet</c> in
/// ordinary folders, no version links — for committing, shipping, or tools that glob the tree (Spark,
/// pandas, DuckDB's own <c>read_parquet('…/*/*.parquet')</c>). A lake session reads the copy like any lake.
/// </summary>
public static class LakeExport
{
    /// <summary>
    /// Exports every dataset of <paramref name="source"/> into <paramref name="target"/>, which is replaced:
    /// the copy is built beside it and swapped in, so a failed export leaves the previous copy intact.
    /// Returns the number of files copied.
    /// </summary>
    public static int ToPlainTree(LakeLayout source, string target)
    {
        ArgumentNullException.ThrowIfNull(source);
        target = Path.GetFullPath(target);
        var building = target + ".export" + LakeLayout.TempSuffix;
        if (Directory.Exists(building)) Directory.Delete(building, recursive: true);
        Directory.CreateDirectory(building);

        var files = 0;
        foreach (var dataset in source.DatasetsOnDisk())
        foreach (var date in source.Partitions(dataset))
        {
            var partition = Path.Combine(building, dataset, LakeLayout.PartitionName(date));
            Directory.CreateDirectory(partition);
            foreach (var file in source.PartitionFiles(dataset, date))
            {
                File.Copy(file, Path.Combine(partition, Path.GetFileName(file)));
                files++;
            }
        }

        var retired = target + ".old" + LakeLayout.TempSuffix;
        if (Directory.Exists(retired)) Directory.Delete(retired, recursive: true);
        if (Directory.Exists(target)) Directory.Move(target, retired);
        Directory.Move(building, target);
        if (Directory.Exists(retired)) Directory.Delete(retired, recursive: true);
        return files;
    }
}
