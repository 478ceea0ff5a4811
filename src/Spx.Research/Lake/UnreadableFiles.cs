namespace Spx.Research.Lake;

/// <summary>
/// The files a <see cref="LakeSession"/> found it cannot read, and the partitions it leaves out because of
/// them, so that one damaged file costs its own partition and not every query on the lake. Lake files are
/// named after their content and never change, so a verdict holds as long as the path exists; a rewrite
/// publishes new paths, which are judged afresh.
/// </summary>
internal sealed class UnreadableFiles
{
    private readonly Dictionary<string, string?> _verdicts = new(StringComparer.Ordinal);

    /// <summary>
    /// Judges the files of <paramref name="snapshot"/> not judged yet with <paramref name="probe"/> (null:
    /// readable, else why not). Returns whether any unreadable file was found.
    /// </summary>
    public bool Probe(LakeSnapshot snapshot, Func<string, string?> probe)
    {
        var found = false;
        foreach (var file in snapshot.Files.Where(f => !_verdicts.ContainsKey(f)))
        {
            var problem = probe(file);
            _verdicts[file] = problem;
            found |= problem is not null;
        }
        return found;
    }

    /// <summary>The snapshot without the partitions that hold a file known to be unreadable, and one line per partition left out.</summary>
    public (LakeSnapshot Readable, string[] Warnings) LeaveOut(LakeSnapshot snapshot)
    {
        var kept = new List<(DateOnly Date, IReadOnlyList<string> Files)>();
        var warnings = new List<string>();
        foreach (var partition in snapshot.Partitions)
        {
            var bad = partition.Files.FirstOrDefault(f => _verdicts.GetValueOrDefault(f) is not null);
            if (bad is null)
            {
                kept.Add(partition);
                continue;
            }
            warnings.Add($"{snapshot.Dataset}/{LakeLayout.PartitionName(partition.Date)} left out: {Path.GetFileName(bad)} is unreadable "
                + $"({_verdicts[bad]}); rewrite the partition or run 'spx lake check --repair'");
        }
        return (snapshot with { Partitions = kept }, [.. warnings]);
    }
}
