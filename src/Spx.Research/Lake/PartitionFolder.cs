namespace Spx.Research.Lake;

/// <summary>
/// One partition on disk, <c>LAKE/&lt;dataset&gt;/date=YYYY-MM-DD/</c>, holding exactly one file,
/// <see cref="LakeLayout.PartitionFileName"/>. Every method except <see cref="Lock"/> expects the caller
/// to hold the partition lock.
/// </summary>
/// <remarks>
/// <para>Why readers always see a whole partition: every write produces the partition's complete new
/// content in a temp file (<c>.&lt;guid&gt;.parquet.tmp</c>, never matched by <c>*.parquet</c>), flushes it,
/// and renames it over <c>part-0000.parquet</c>. <c>rename(2)</c> replaces the name atomically, so the
/// name never disappears: a reader listing the folder always finds it, and opening it yields either the
/// whole old file or the whole new one (an already-open file keeps its old content).</para>
/// <para>Why one file rather than one file per append: DuckDB lists a glob by <c>readdir</c> then <c>stat</c>
/// of each name, and silently skips a name whose <c>stat</c> fails. Any scheme in which a partition's file
/// names can disappear (compacting N files into one, swapping a linked version folder) therefore lets a
/// concurrent query silently drop files or a whole partition instead of failing. A single, stable name
/// makes every transition one rename that no reader can observe half-done. The price is that an append
/// rewrites the partition — O(partition), which the lake's partitions (one day of one dataset) keep small.</para>
/// </remarks>
internal sealed class PartitionFolder(LakeLayout layout, string dataset, DateOnly date)
{
    public string Dataset => dataset;

    public DateOnly Date => date;

    /// <summary><c>LAKE/&lt;dataset&gt;/date=…</c>.</summary>
    public string Folder => layout.PartitionDirectory(dataset, date);

    /// <summary><c>LAKE/&lt;dataset&gt;/date=…/part-0000.parquet</c>.</summary>
    public string DataFile => layout.PartitionFile(dataset, date);

    /// <summary><c>dataset/date=…</c>, for messages.</summary>
    public string Name => $"{dataset}/{LakeLayout.PartitionName(date)}";

    /// <summary>Takes the partition's cross-process write lock.</summary>
    public PartitionLock Lock(TimeSpan timeout) => PartitionLock.Acquire(layout.LockFile(dataset, date), timeout, Name);

    /// <summary>The Parquet files in the folder, sorted: normally just <see cref="DataFile"/>; more when another tool wrote here.</summary>
    public IReadOnlyList<string> Files() =>
        Directory.Exists(Folder) ? Directory.EnumerateFiles(Folder, "*.parquet").Order(StringComparer.Ordinal).ToArray() : [];

    /// <summary>Whether the folder holds exactly our one data file.</summary>
    public bool IsSingleFile(IReadOnlyList<string> files) => files.Count == 1 && files[0] == DataFile;

    /// <summary>A temp file path in the partition folder (same file system, so the final rename is atomic).</summary>
    public string TempFile() => AtomicFile.TempPath(Folder);

    /// <summary>
    /// Makes <paramref name="temp"/> the partition's content: renamed over <see cref="DataFile"/>, then any
    /// other Parquet files (written by other tools) are removed. Returns false when the content was already identical.
    /// </summary>
    public bool Publish(string temp)
    {
        var others = Files().Where(f => f != DataFile).ToArray();
        var changed = AtomicFile.Publish(temp, DataFile);
        // Only folders that other tools wrote to reach this loop; see CompactPartition for why that is not atomic.
        foreach (var other in others) AtomicFile.DeleteIfExists(other);
        return changed || others.Length > 0;
    }

    /// <summary>Removes the partition: the data file (one atomic unlink), then the folder.</summary>
    public bool Delete()
    {
        if (!Directory.Exists(Folder)) return false;
        foreach (var file in Files()) AtomicFile.DeleteIfExists(file);
        Directory.Delete(Folder, recursive: true);
        return true;
    }

    /// <summary>Deletes temp files left by a crashed writer (safe under the lock: no other writer is active).</summary>
    public void RemoveStaleTempFiles()
    {
        if (!Directory.Exists(Folder)) return;
        foreach (var temp in Directory.EnumerateFiles(Folder, "*" + LakeLayout.TempSuffix)) AtomicFile.DeleteIfExists(temp);
    }
}
