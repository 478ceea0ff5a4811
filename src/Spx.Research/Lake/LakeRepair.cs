namespace Spx.Research.Lake;

/// <summary>
/// Takes unreadable files out of the live lake without losing them: each is copied to
/// <see cref="LakeLayout.DamagedDirectory"/> with a note of why, then its partition publishes a new version
/// without it (or is removed when nothing readable is left) through the same atomic swap as every write —
/// so readers switch in one step, and the damaged bytes stay on disk for whoever wants to look.
/// </summary>
/// <remarks>
/// A report names files, but a name is not a verdict: a writer may have republished the partition since the
/// check, with a sound file under the same content name. So each named file is read again, under the
/// partition lock, with the check's own test (<see cref="ParquetFileCheck"/>), and moved only if it still fails.
/// </remarks>
public static class LakeRepair
{
    /// <summary>
    /// Moves out the files of <paramref name="problems"/>' <see cref="LakeProblemKind.Unreadable"/> entries that
    /// are still unreadable now (other kinds are left alone: a readable file is never taken out). Files are read
    /// with <paramref name="session"/>'s connection. Returns what each partition lost, so its session can be
    /// regenerated or re-downloaded.
    /// </summary>
    public static IReadOnlyList<RepairedPartition> MoveOutUnreadable(LakeSession session, IEnumerable<LakeProblem> problems, LakeWriterOptions? options = null)
    {
        options ??= new LakeWriterOptions();
        var repaired = new List<RepairedPartition>();
        var byPartition = problems
            .Where(p => p is { Kind: LakeProblemKind.Unreadable, Dataset: not null, File: not null })
            .GroupBy(p => (Dataset: p.Dataset!, p.Date));
        foreach (var partition in byPartition)
        {
            var named = partition.Select(p => Path.GetFileName(p.File!)).ToHashSet(StringComparer.Ordinal);
            var store = new PartitionStore(session.Layout, partition.Key.Dataset, partition.Key.Date, options.TimeProvider);
            if (Repair(store, session, named, options) is { } done) repaired.Add(done);
        }
        return repaired;
    }

    /// <summary>Under the partition lock: copies the still-unreadable files out, then publishes the rest (or unpublishes).</summary>
    private static RepairedPartition? Repair(PartitionStore store, LakeSession session, IReadOnlySet<string> named, LakeWriterOptions options)
    {
        using var writeLock = store.Lock(options.LockTimeout);
        store.CollectGarbage(options.RetiredVersionGrace);
        // A plain (copied) partition folder is adopted as a version here, which moves its files: find them by name, judge them by content.
        if (store.CurrentVersion() is not { } current) return null;
        var files = PartitionStore.Files(current);
        var damaged = files.Where(f => named.Contains(Path.GetFileName(f)))
            .Select(f => (File: f, Reason: ParquetFileCheck.Unreadable(session.Connection, f)))
            .Where(f => f.Reason is not null)
            .ToArray();
        if (damaged.Length == 0) return null;

        var folder = session.Layout.DamagedDirectory(store.Dataset, store.Date);
        var moved = damaged.Select(d => KeepDamaged(d.File, folder, d.Reason!)).ToArray();
        var kept = files.Except(damaged.Select(d => d.File)).ToArray();
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
