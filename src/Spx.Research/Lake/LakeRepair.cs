namespace Spx.Research.Lake;

/// <summary>
/// Takes unreadable files out of the live lake without losing them: each is copied to
/// <see cref="LakeLayout.DamagedDirectory"/> with a note of why, then its partition publishes a new version
/// without it (or is removed when nothing readable is left) through the same atomic swap as every write —
/// so readers switch in one step, and the damaged bytes stay on disk for whoever wants to look.
/// </summary>
public static class LakeRepair
{
    /// <summary>
    /// Moves out the files of <paramref name="problems"/>' <see cref="LakeProblemKind.Unreadable"/> entries
    /// (other kinds are left alone: a readable file is never taken out). A file a writer has replaced since
    /// the check is skipped. Returns what each partition lost, so its session can be regenerated or re-downloaded.
    /// </summary>
    public static IReadOnlyList<RepairedPartition> MoveOutUnreadable(LakeLayout layout, IEnumerable<LakeProblem> problems, LakeWriterOptions? options = null)
    {
        options ??= new LakeWriterOptions();
        var repaired = new List<RepairedPartition>();
        var byPartition = problems
            .Where(p => p is { Kind: LakeProblemKind.Unreadable, Dataset: not null, File: not null })
            .GroupBy(p => (Dataset: p.Dataset!, p.Date));
        foreach (var partition in byPartition)
        {
            var reasons = partition.ToDictionary(p => Path.GetFileName(p.File!), p => p.Message, StringComparer.Ordinal);
            if (Repair(new PartitionStore(layout, partition.Key.Dataset, partition.Key.Date, options.TimeProvider), layout, reasons, options) is { } done)
            {
                repaired.Add(done);
            }
        }
        return repaired;
    }

    /// <summary>Under the partition lock: copies the damaged files out, then publishes the rest (or unpublishes).</summary>
    private static RepairedPartition? Repair(PartitionStore store, LakeLayout layout, IReadOnlyDictionary<string, string> reasons, LakeWriterOptions options)
    {
        using var writeLock = store.Lock(options.LockTimeout);
        store.CollectGarbage(options.RetiredVersionGrace);
        // By name: a plain (copied) partition folder is adopted as a version here, which moves its files.
        if (store.CurrentVersion() is not { } current) return null;
        var files = PartitionStore.Files(current);
        var damaged = files.Where(f => reasons.ContainsKey(Path.GetFileName(f))).ToArray();
        if (damaged.Length == 0) return null;

        var moved = damaged.Select(file => KeepDamaged(file, layout.DamagedDirectory(store.Dataset, store.Date), reasons[Path.GetFileName(file)])).ToArray();
        var kept = files.Except(damaged).ToArray();
        if (kept.Length == 0)
        {
            store.Unpublish();
            return new RepairedPartition(store.Dataset, store.Date, moved, Emptied: true);
        }

        var version = store.CreateVersion();
        try
        {
            // Lake files never change once named, so a copy under the same name is the same file.
            foreach (var file in kept) File.Copy(file, Path.Combine(version, Path.GetFileName(file)));
        }
        catch
        {
            PartitionStore.Discard(version);
            throw;
        }
        store.Publish(version);
        return new RepairedPartition(store.Dataset, store.Date, moved, Emptied: false);
    }

    /// <summary>Copies a damaged file into the quarantine area with <c>&lt;name&gt;.reason.txt</c> beside it; returns the copy's path.</summary>
    private static string KeepDamaged(string file, string folder, string reason)
    {
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, Path.GetFileName(file));
        File.Copy(file, target, overwrite: true);
        File.WriteAllText(target + ".reason.txt", $"moved out of the lake by 'spx lake check --repair' on {DateTime.UtcNow:yyyy-MM-dd'T'HH:mm:ss'Z'}: {reason}\n");
        return target;
    }
}
