using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Spx.Research.Lake;

/// <summary>
/// The file-system side of one partition: immutable version folders, content-named Parquet files and
/// the symbolic link that publishes one version. Every method except <see cref="Lock"/> expects the
/// caller to hold the partition lock.
/// </summary>
/// <remarks>
/// <para>Why readers always see a whole partition version:</para>
/// <list type="number">
/// <item>A file becomes visible only by a rename from a <c>.tmp</c> name (never matched by <c>*.parquet</c>)
/// after it is complete and flushed to disk.</item>
/// <item>A file is named after the SHA-256 of its bytes (<c>part-&lt;hash&gt;.parquet</c>), so one path always
/// means one content: a reader that listed a name and opens it later, even through a newer version, reads
/// the same bytes or finds nothing. It can never combine a listing of one version with data of another.</item>
/// <item><c>date=…</c> is a symbolic link to a version folder. Replacing or compacting builds a new folder
/// and swaps the link with one <c>rename(2)</c>, which is atomic: a reader's listing of the partition comes
/// from the old folder or the new one, never a mix. An append adds one file to the current folder, also
/// by one rename.</item>
/// <item>A replaced version is not deleted but renamed to <c>…retired-&lt;ms&gt;</c> and removed only after a
/// grace period, so a reader still listing it sees its full contents; files it opened stay readable (POSIX).</item>
/// </list>
/// <para>What remains is a reader that listed a file which a later swap removed: DuckDB then fails with
/// "No such file or directory", and <see cref="LakeSession"/> retries the query.</para>
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

    /// <summary>The published path readers use: <c>LAKE/&lt;dataset&gt;/date=…</c>.</summary>
    public string LinkPath => _layout.PartitionDirectory(Dataset, Date);

    private string DatasetPath => _layout.DatasetDirectory(Dataset);

    private string VersionsPath => _layout.VersionsDirectory(Dataset, Date);

    /// <summary><c>dataset/date=…</c>, for messages.</summary>
    public string Name => $"{Dataset}/{LakeLayout.PartitionName(Date)}";

    /// <summary>Takes the partition's write lock.</summary>
    public PartitionLock Lock(TimeSpan timeout) => PartitionLock.Acquire(Path.Combine(VersionsPath, LockFileName), timeout, Name);

    /// <summary>
    /// The version folder the partition currently publishes, or null when there is no partition. A plain
    /// folder (a lake copied with links dereferenced, or written by another tool) is adopted as a version.
    /// </summary>
    public string? CurrentVersion()
    {
        var link = new DirectoryInfo(LinkPath);
        if (link.LinkTarget is { } target) return Path.GetFullPath(Path.Combine(DatasetPath, target));
        if (!link.Exists) return null;
        return Adopt();
    }

    /// <summary>Parquet files of a version folder (real paths), sorted by name.</summary>
    public static IReadOnlyList<string> Files(string version) =>
        Directory.EnumerateFiles(version, "*.parquet").Order(StringComparer.Ordinal).ToArray();

    /// <summary>The same files as readers address them, through the partition link.</summary>
    public IReadOnlyList<string> Visible(IEnumerable<string> files) =>
        files.Select(f => Path.Combine(LinkPath, Path.GetFileName(f))).ToArray();

    /// <summary>Creates an empty, unpublished version folder named by the current time (sortable) and a random suffix.</summary>
    public string CreateVersion()
    {
        var stamp = _time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfffffff'Z'", CultureInfo.InvariantCulture);
        var version = Path.Combine(VersionsPath, $"{stamp}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        Directory.CreateDirectory(version);
        return version;
    }

    /// <summary>A fresh temporary file name in <paramref name="folder"/> that no reader's glob matches.</summary>
    public static string TempFile(string folder) =>
        Path.Combine(folder, $".{Guid.NewGuid():N}.parquet{LakeLayout.TempSuffix}");

    /// <summary>
    /// Makes a finished temp file durable and visible under its content name in the same folder; returns
    /// the final path and whether it is new (false: identical content was already there).
    /// </summary>
    public static (string Path, bool Added) Seal(string tempFile)
    {
        string hash;
        using (var stream = new FileStream(tempFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            stream.Flush(flushToDisk: true);
            hash = Convert.ToHexStringLower(SHA256.HashData(stream))[..16];
        }
        var final = Path.Combine(Path.GetDirectoryName(tempFile)!, $"part-{hash}.parquet");
        if (File.Exists(final))
        {
            File.Delete(tempFile);
            return (final, false);
        }
        File.Move(tempFile, final, overwrite: true);
        return (final, true);
    }

    /// <summary>
    /// Publishes <paramref name="version"/>: a new link is made under a temp name and renamed over
    /// <c>date=…</c> (atomic), then the previous version is retired.
    /// </summary>
    public void Publish(string version)
    {
        var previous = CurrentVersion();
        // The temp link lives in the versions folder, not the dataset folder: DuckDB's "*" would match
        // a temp link next to the partitions. Its relative target is only resolved after the rename.
        var tempLink = Path.Combine(VersionsPath, $".link-{Guid.NewGuid():N}{LakeLayout.TempSuffix}");
        File.CreateSymbolicLink(tempLink, Path.GetRelativePath(DatasetPath, version));
        File.Move(tempLink, LinkPath, overwrite: true);
        if (previous is not null && !SamePath(previous, version)) Retire(previous);
    }

    /// <summary>Removes the partition: the link goes (atomic), the version is retired.</summary>
    public bool Unpublish()
    {
        var current = CurrentVersion();
        if (current is null) return false;
        File.Delete(LinkPath);
        Retire(current);
        return true;
    }

    /// <summary>Deletes an unpublished version folder (e.g. a rewrite that turned out identical).</summary>
    public static void Discard(string version) => Directory.Delete(version, recursive: true);

    /// <summary>
    /// Removes what crashed or finished writers left: temp files and links, versions retired longer than
    /// <paramref name="grace"/> ago; versions neither published nor retired (a crash between publishing
    /// and retiring) are retired now.
    /// </summary>
    public void CollectGarbage(TimeSpan grace)
    {
        if (!Directory.Exists(VersionsPath)) return;
        var current = new DirectoryInfo(LinkPath).LinkTarget is { } target ? Path.GetFullPath(Path.Combine(DatasetPath, target)) : null;
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();

        foreach (var temp in Directory.EnumerateFileSystemEntries(VersionsPath, "*" + LakeLayout.TempSuffix))
            DeleteEntry(temp);

        foreach (var folder in Directory.EnumerateDirectories(VersionsPath))
        {
            if (current is not null && SamePath(folder, current))
            {
                foreach (var temp in Directory.EnumerateFiles(folder, "*" + LakeLayout.TempSuffix)) File.Delete(temp);
                continue;
            }
            var retired = RetiredPattern().Match(Path.GetFileName(folder));
            if (!retired.Success) Retire(folder);
            else if (now - long.Parse(retired.Groups[1].Value, CultureInfo.InvariantCulture) >= grace.TotalMilliseconds)
                Directory.Delete(folder, recursive: true);
        }
    }

    private void Retire(string version) =>
        Directory.Move(version, $"{version}{RetiredMarker}{_time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}");

    /// <summary>
    /// Turns a plain <c>date=…</c> folder into a published version: moved under <c>.versions</c>, then
    /// linked. The one moment between the two renames shows no partition; this happens once per folder.
    /// </summary>
    private string Adopt()
    {
        Directory.CreateDirectory(VersionsPath);
        var version = CreateVersion();
        Directory.Delete(version);
        Directory.Move(LinkPath, version);
        var tempLink = Path.Combine(VersionsPath, $".link-{Guid.NewGuid():N}{LakeLayout.TempSuffix}");
        File.CreateSymbolicLink(tempLink, Path.GetRelativePath(DatasetPath, version));
        File.Move(tempLink, LinkPath, overwrite: true);
        return version;
    }

    private static void DeleteEntry(string path)
    {
        // A symbolic link to a folder is deleted as a file entry (the link), never recursively.
        if (Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null) Directory.Delete(path, recursive: true);
        else File.Delete(path);
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b),
            OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    [GeneratedRegex(@"\.retired-(\d+)$")]
    private static partial Regex RetiredPattern();
}
