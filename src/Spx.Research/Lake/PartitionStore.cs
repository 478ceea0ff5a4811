using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Spx.Research.Lake;

/// <summary>
/// The file-system side of one partition: version folders, content-named Parquet files that never
/// change, and the symbolic link <c>date=…</c> that publishes one version. Every method except
/// <see cref="Lock"/> expects the caller to hold the partition lock.
/// </summary>
/// <remarks>
/// <para>What DuckDB (1.5) needs, found by experiment and in its source:</para>
/// <list type="bullet">
/// <item>A path must never change content. DuckDB re-opens a file by path within one query; replacing a
/// file in place, even by an atomic rename, made concurrent queries fail to decode it or — with its
/// external file cache — return wrong rows. So every file is named after the SHA-256 of its bytes and
/// never rewritten.</item>
/// <item>A glob is listed by <c>readdir</c> then <c>stat</c> of each name, and a name whose <c>stat</c>
/// fails is skipped silently. So a reader that globs while a partition's files are being replaced can
/// miss files without an error. <see cref="LakeSession"/> therefore never globs data: its views read an
/// explicit snapshot of real file paths (<see cref="LakeSnapshot"/>).</item>
/// </list>
/// <para>The scheme: <c>date=…</c> links to <c>.versions/date=…/&lt;version&gt;/</c>. A replace or compaction
/// writes a new version folder and swaps the link with one <c>rename(2)</c>; an append renames one new
/// file into the current version. A replaced version is marked retired (a marker file; the folder is not
/// moved) and deleted only after a grace period, so every path a reader's snapshot holds stays valid at
/// least that long. Tools that glob the lake see each partition switch in one step, but may, during a
/// swap, briefly miss that partition (DuckDB's silent skip); use <see cref="LakeSession"/> for exactness.</para>
/// </remarks>
internal sealed partial class PartitionStore
{
    private const string LockFileName = ".lock";
    private const string RetiredMarker = ".retired-";
    private readonly LakeLayout _layout;
    private readonly TimeProvider _time;

    public PartitionStore(LakeLayout layout, string dataset, DateOnly date, TimeProvider time)
    {
        _layout = layout;
        _time = time;
        Dataset = dataset;
        Date = date;
    }

    public string Dataset { get; }

    public DateOnly Date { get; }

    /// <summary>The published path: <c>LAKE/&lt;dataset&gt;/date=…</c>.</summary>
    public string LinkPath => _layout.PartitionDirectory(Dataset, Date);

    private string DatasetPath => _layout.DatasetDirectory(Dataset);

    private string VersionsPath => _layout.VersionsDirectory(Dataset, Date);

    /// <summary><c>dataset/date=…</c>, for messages.</summary>
    public string Name => $"{Dataset}/{LakeLayout.PartitionName(Date)}";

    /// <summary>Takes the partition's write lock.</summary>
    public PartitionLock Lock(TimeSpan timeout) => PartitionLock.Acquire(Path.Combine(VersionsPath, LockFileName), timeout, Name);

    /// <summary>
    /// The version folder the partition publishes, or null when there is none. A plain folder (a lake
    /// copied with links dereferenced, or written by another tool) is adopted as a version first.
    /// </summary>
    public string? CurrentVersion()
    {
        if (LakeLayout.ResolvePartition(DatasetPath, LinkPath) is not { } folder) return null;
        return new DirectoryInfo(LinkPath).LinkTarget is null ? Adopt() : folder;
    }

    /// <summary>Parquet files of a version folder (real paths), sorted by name.</summary>
    public static IReadOnlyList<string> Files(string version) =>
        LakeLayout.ParquetFiles(version);

    /// <summary>The same files as a glob reader addresses them, through the partition link.</summary>
    public IReadOnlyList<string> Visible(IEnumerable<string> files) =>
        files.Select(f => Path.Combine(LinkPath, Path.GetFileName(f))).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Creates an empty, unpublished version folder named by the current time (sortable) and a random suffix.</summary>
    public string CreateVersion()
    {
        var stamp = _time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfffffff'Z'", CultureInfo.InvariantCulture);
        var version = Path.Combine(VersionsPath, $"{stamp}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        Directory.CreateDirectory(version);
        return version;
    }

    /// <summary>
    /// Publishes <paramref name="version"/>: a new link is made under a temp name and renamed over
    /// <c>date=…</c> (atomic); the previous version is marked retired.
    /// </summary>
    public void Publish(string version)
    {
        var previous = CurrentVersion();
        SwapLink(version);
        if (previous is not null && !SamePath(previous, version)) Retire(previous);
        LakeChanges.Touch(_layout, Dataset);
    }

    /// <summary>Records that the current version gained a file (an append), for readers' change detection.</summary>
    public void Appended() => LakeChanges.Touch(_layout, Dataset);

    /// <summary>Removes the partition: the link goes (one atomic unlink), the version is retired.</summary>
    public bool Unpublish()
    {
        var current = CurrentVersion();
        if (current is null) return false;
        File.Delete(LinkPath);
        Retire(current);
        LakeChanges.Touch(_layout, Dataset);
        return true;
    }

    /// <summary>Deletes an unpublished version folder (a rewrite that turned out identical, or failed).</summary>
    public static void Discard(string version) => Directory.Delete(version, recursive: true);

    /// <summary>
    /// Removes what finished or crashed writers left: temp files and links, and versions retired longer
    /// than <paramref name="grace"/> ago. A version neither published nor retired (a crash between
    /// publishing and retiring) is retired now.
    /// </summary>
    public void CollectGarbage(TimeSpan grace)
    {
        if (!Directory.Exists(VersionsPath)) return;
        var current = LakeLayout.ResolvePartition(DatasetPath, LinkPath);
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var markers = Directory.EnumerateFiles(VersionsPath, "*" + RetiredMarker + "*")
            .Select(m => RetiredPattern().Match(Path.GetFileName(m)))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);

        foreach (var temp in Directory.EnumerateFileSystemEntries(VersionsPath, "*" + LakeLayout.TempSuffix)) File.Delete(temp);

        foreach (var folder in Directory.EnumerateDirectories(VersionsPath))
        {
            var name = Path.GetFileName(folder);
            if (current is not null && SamePath(folder, current))
            {
                foreach (var temp in Directory.EnumerateFiles(folder, "*" + LakeLayout.TempSuffix)) File.Delete(temp);
            }
            else if (!markers.TryGetValue(name, out var retiredAt))
            {
                Retire(folder);
            }
            else if (now - retiredAt >= grace.TotalMilliseconds)
            {
                Directory.Delete(folder, recursive: true);
                File.Delete(Path.Combine(VersionsPath, MarkerName(name, retiredAt)));
            }
        }
        foreach (var (name, retiredAt) in markers)
        {
            if (!Directory.Exists(Path.Combine(VersionsPath, name))) File.Delete(Path.Combine(VersionsPath, MarkerName(name, retiredAt)));
        }
    }

    /// <summary>Marks a version retired at the current time; the folder stays where it is, so paths into it keep resolving.</summary>
    private void Retire(string version)
    {
        var marker = Path.Combine(VersionsPath, MarkerName(Path.GetFileName(version), _time.GetUtcNow().ToUnixTimeMilliseconds()));
        File.WriteAllBytes(marker, []);
    }

    private static string MarkerName(string version, long unixMilliseconds) =>
        version + RetiredMarker + unixMilliseconds.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Turns a plain <c>date=…</c> folder into a published version: moved under <c>.versions</c>, then
    /// linked. The moment between the two renames shows no partition; this happens once per folder.
    /// </summary>
    private string Adopt()
    {
        var version = CreateVersion();
        Directory.Delete(version);
        Directory.Move(LinkPath, version);
        SwapLink(version);
        LakeChanges.Touch(_layout, Dataset);
        return version;
    }

    /// <summary>Points <c>date=…</c> at <paramref name="version"/>: a new link under a temp name, renamed over it (atomic).</summary>
    private void SwapLink(string version)
    {
        // The temp link lives in the versions folder, not the dataset folder, where DuckDB's "*" would
        // match it. Its relative target is only resolved after the rename.
        var tempLink = Path.Combine(VersionsPath, $".link-{Guid.NewGuid():N}{LakeLayout.TempSuffix}");
        File.CreateSymbolicLink(tempLink, Path.GetRelativePath(DatasetPath, version));
        File.Move(tempLink, LinkPath, overwrite: true);
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b),
            OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    [GeneratedRegex(@"^(.+)\.retired-(\d+)$")]
    private static partial Regex RetiredPattern();
}
