using System.Globalization;

namespace Spx.Research.Lake;

/// <summary>
/// Where things live in a lake. The public shape is Hive partitioning, readable by DuckDB, Spark,
/// Trino and pandas:
/// <code>
/// LAKE/&lt;dataset&gt;/date=YYYY-MM-DD/part-&lt;hash&gt;.parquet
/// LAKE/_quarantine/&lt;dataset&gt;/date=YYYY-MM-DD/part-&lt;hash&gt;.parquet
/// </code>
/// Behind it, each partition folder is a symbolic link to a version folder,
/// <c>LAKE/&lt;dataset&gt;/.versions/date=YYYY-MM-DD/&lt;version&gt;/</c>, so a whole partition can be swapped
/// with one rename; files are named after their content and never change (see <see cref="LakeWriter"/>).
/// Names starting with <c>.</c> or <c>_</c> are bookkeeping that Spark and pyarrow skip and that the
/// <c>*/*.parquet</c> glob never reaches.
/// </summary>
public sealed class LakeLayout
{
    /// <summary>The Hive partition column, a <c>DATE</c> in the views.</summary>
    public const string PartitionColumn = "date";

    /// <summary>Top-level folder for rejected records.</summary>
    public const string QuarantineFolder = "_quarantine";

    /// <summary>Folder under the quarantine for unreadable files moved out of the lake.</summary>
    public const string DamagedFolder = "_damaged";

    /// <summary>Per-dataset folder holding partition versions, locks and the change token.</summary>
    public const string VersionsFolder = ".versions";

    /// <summary>Suffix of files being written: deliberately not <c>.parquet</c>, so no <c>*.parquet</c> glob or
    /// listing ever matches a half-written file (DuckDB's <c>*</c> also matches names starting with a dot).</summary>
    public const string TempSuffix = ".tmp";

    private const string PartitionPrefix = PartitionColumn + "=";
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>A layout rooted at <paramref name="root"/> (made absolute; nothing is created on disk).</summary>
    public LakeLayout(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>Absolute lake root.</summary>
    public string Root { get; }

    /// <summary><c>LAKE/&lt;dataset&gt;</c>.</summary>
    public string DatasetDirectory(string dataset) => Path.Combine(Root, dataset);

    /// <summary><c>LAKE/&lt;dataset&gt;/date=YYYY-MM-DD</c> (the path other tools read; a link to the current version).</summary>
    public string PartitionDirectory(string dataset, DateOnly date) => Path.Combine(DatasetDirectory(dataset), PartitionName(date));

    /// <summary>
    /// <c>LAKE/&lt;dataset&gt;/*/*.parquet</c>: the glob other tools (pandas, Spark, a DuckDB shell) read a dataset
    /// with. <see cref="LakeSession"/> reads snapshots instead; see <c>PartitionStore</c> for why.
    /// </summary>
    public string DatasetGlob(string dataset) => Path.Combine(DatasetDirectory(dataset), "*", "*.parquet");

    /// <summary><c>LAKE/_quarantine/&lt;dataset&gt;</c>.</summary>
    public string QuarantineDatasetDirectory(string dataset) => Path.Combine(Root, QuarantineFolder, dataset);

    /// <summary><c>LAKE/_quarantine/&lt;dataset&gt;/date=YYYY-MM-DD</c>.</summary>
    public string QuarantineDirectory(string dataset, DateOnly date) =>
        Path.Combine(QuarantineDatasetDirectory(dataset), PartitionName(date));

    /// <summary>
    /// <c>LAKE/_quarantine/_damaged/&lt;dataset&gt;/date=YYYY-MM-DD</c>: where <see cref="LakeRepair"/> keeps files it
    /// took out of the live lake because they could not be read. <c>_damaged</c> is no dataset name, so the
    /// quarantine views never read them.
    /// </summary>
    public string DamagedDirectory(string dataset, DateOnly date) =>
        Path.Combine(Root, QuarantineFolder, DamagedFolder, dataset, PartitionName(date));

    /// <summary>The glob over a dataset's quarantined records.</summary>
    public string QuarantineGlob(string dataset) => Path.Combine(QuarantineDatasetDirectory(dataset), "*", "*.parquet");

    /// <summary><c>LAKE/&lt;dataset&gt;/.versions/date=YYYY-MM-DD</c>: the partition's versions and its write lock.</summary>
    internal string VersionsDirectory(string dataset, DateOnly date) =>
        Path.Combine(DatasetDirectory(dataset), VersionsFolder, PartitionName(date));

    /// <summary><c>date=YYYY-MM-DD</c>.</summary>
    public static string PartitionName(DateOnly date) => PartitionPrefix + date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Parses a <c>date=YYYY-MM-DD</c> folder name.</summary>
    public static bool TryParsePartitionName(string name, out DateOnly date)
    {
        date = default;
        return name.StartsWith(PartitionPrefix, StringComparison.Ordinal)
            && DateOnly.TryParseExact(name.AsSpan(PartitionPrefix.Length), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>Dataset folders present on disk (names that are identifiers, skipping <c>_</c>/<c>.</c> bookkeeping).</summary>
    public IReadOnlyList<string> DatasetsOnDisk()
    {
        if (!Directory.Exists(Root)) return [];
        return Directory.EnumerateDirectories(Root)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(n => DatasetColumn.IdentifierPattern().IsMatch(n))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Partition dates present on disk for a dataset, ascending.</summary>
    public IReadOnlyList<DateOnly> Partitions(string dataset)
    {
        var folder = DatasetDirectory(dataset);
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateDirectories(folder, PartitionPrefix + "*")
            .Select(p => TryParsePartitionName(Path.GetFileName(p), out var d) ? d : (DateOnly?)null)
            .OfType<DateOnly>()
            .Order()
            .ToArray();
    }

    /// <summary>The Parquet files a glob reader sees in a partition right now (paths through the partition folder), sorted.</summary>
    public IReadOnlyList<string> PartitionFiles(string dataset, DateOnly date)
    {
        var folder = PartitionDirectory(dataset, date);
        if (!Directory.Exists(folder)) return [];
        return ParquetFiles(folder);
    }

    /// <summary>The <c>*.parquet</c> files directly in <paramref name="folder"/>, sorted by ordinal name.</summary>
    internal static string[] ParquetFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.parquet").Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// The real folder behind a partition path: the target of its link, or the path itself for a plain
    /// folder; null when there is no partition (or its link dangles).
    /// </summary>
    internal static string? ResolvePartition(string datasetDirectory, string partitionPath)
    {
        var info = new DirectoryInfo(partitionPath);
        if (info.LinkTarget is { } target)
        {
            var folder = Path.GetFullPath(Path.Combine(datasetDirectory, target));
            return Directory.Exists(folder) ? folder : null;
        }
        return info.Exists ? partitionPath : null;
    }

    /// <summary>Whether any Parquet file lies one folder below <paramref name="datasetDirectory"/> (so a <c>*/*.parquet</c> glob over it can bind).</summary>
    internal static bool AnyParquet(string datasetDirectory)
    {
        try
        {
            return Directory.Exists(datasetDirectory)
                && Directory.EnumerateDirectories(datasetDirectory).Any(d => Directory.EnumerateFiles(d, "*.parquet").Any());
        }
        catch (IOException)
        {
            // A folder vanished while we listed (a concurrent delete): assume files, and let DuckDB decide.
            return true;
        }
    }
}
