using System.Globalization;

namespace Spx.Research.Lake;

/// <summary>
/// Where things live in a lake: Hive partitioning that DuckDB, Spark, Trino and pandas read as is.
/// <code>
/// LAKE/&lt;dataset&gt;/date=YYYY-MM-DD/part-0000.parquet                 one file per partition
/// LAKE/_quarantine/&lt;dataset&gt;/date=YYYY-MM-DD/part-&lt;hash&gt;.parquet   rejected records, append-only
/// LAKE/&lt;dataset&gt;/.locks/date=YYYY-MM-DD.lock                       writers' partition locks
/// </code>
/// Names starting with <c>.</c> or <c>_</c> are bookkeeping that Spark and pyarrow skip, and that never
/// match the views' <c>*/*.parquet</c> glob. Why a partition is exactly one file: see <see cref="LakeWriter"/>.
/// </summary>
public sealed class LakeLayout
{
    /// <summary>The Hive partition column, a <c>DATE</c> in the views.</summary>
    public const string PartitionColumn = "date";

    /// <summary>Top-level folder for rejected records.</summary>
    public const string QuarantineFolder = "_quarantine";

    /// <summary>The one data file of every partition.</summary>
    public const string PartitionFileName = "part-0000.parquet";

    /// <summary>Per-dataset folder of partition lock files.</summary>
    public const string LocksFolder = ".locks";

    /// <summary>Suffix of files being written: deliberately not <c>.parquet</c>, so the views' <c>*.parquet</c>
    /// glob never matches a half-written file (DuckDB's <c>*</c> also matches names starting with a dot).</summary>
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

    /// <summary><c>LAKE/&lt;dataset&gt;/date=YYYY-MM-DD</c> (the path readers use).</summary>
    public string PartitionDirectory(string dataset, DateOnly date) => Path.Combine(DatasetDirectory(dataset), PartitionName(date));

    /// <summary><c>LAKE/&lt;dataset&gt;/date=YYYY-MM-DD/part-0000.parquet</c>.</summary>
    public string PartitionFile(string dataset, DateOnly date) => Path.Combine(PartitionDirectory(dataset, date), PartitionFileName);

    /// <summary>The glob the views read: every Parquet file one level below the dataset folder.</summary>
    public string DatasetGlob(string dataset) => Path.Combine(DatasetDirectory(dataset), "*", "*.parquet");

    /// <summary><c>LAKE/_quarantine/&lt;dataset&gt;</c>.</summary>
    public string QuarantineDatasetDirectory(string dataset) => Path.Combine(Root, QuarantineFolder, dataset);

    /// <summary><c>LAKE/_quarantine/&lt;dataset&gt;/date=YYYY-MM-DD</c>.</summary>
    public string QuarantineDirectory(string dataset, DateOnly date) =>
        Path.Combine(QuarantineDatasetDirectory(dataset), PartitionName(date));

    /// <summary>The glob over a dataset's quarantined records.</summary>
    public string QuarantineGlob(string dataset) => Path.Combine(QuarantineDatasetDirectory(dataset), "*", "*.parquet");

    /// <summary><c>LAKE/&lt;dataset&gt;/.locks/date=YYYY-MM-DD.lock</c>: kept outside the partition folder so deleting a partition never races a lock holder.</summary>
    internal string LockFile(string dataset, DateOnly date) =>
        Path.Combine(DatasetDirectory(dataset), LocksFolder, PartitionName(date) + ".lock");

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

    /// <summary>The Parquet files a reader sees in a partition right now, sorted (normally just <see cref="PartitionFileName"/>).</summary>
    public IReadOnlyList<string> PartitionFiles(string dataset, DateOnly date)
    {
        var folder = PartitionDirectory(dataset, date);
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateFiles(folder, "*.parquet").Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Whether any Parquet file matches <see cref="DatasetGlob"/> (so a view over it can bind).</summary>
    internal static bool AnyParquet(string datasetDirectory)
    {
        try
        {
            return Directory.Exists(datasetDirectory)
                && Directory.EnumerateDirectories(datasetDirectory).Any(d => Directory.EnumerateFiles(d, "*.parquet").Any());
        }
        catch (IOException)
        {
            // A partition was swapped or removed while we listed: let the view's own glob decide.
            return true;
        }
    }
}
