using Spx.Research.Lake;

namespace Spx.Research.Tests.Lake;

/// <summary>A lake in a fresh temp folder, deleted afterwards, with helpers for sample data.</summary>
internal sealed class TempLake : IDisposable
{
    public static readonly DateOnly Day = new(2024, 1, 2);
    public static readonly DateOnly NextDay = new(2024, 1, 3);

    public TempLake()
    {
        Root = Directory.CreateTempSubdirectory("spx-lake-").FullName;
        Layout = new LakeLayout(Root);
    }

    public string Root { get; }

    public LakeLayout Layout { get; }

    public LakeWriter Writer(DatasetRegistry? registry = null, LakeWriterOptions? options = null) =>
        new(Layout, registry ?? DatasetRegistry.Default, options);

    public LakeSession Session(DatasetRegistry? registry = null) => new(Layout, registry ?? DatasetRegistry.Default);

    /// <summary>Every file a reader can see in a dataset (relative path → bytes).</summary>
    public SortedDictionary<string, byte[]> Snapshot(string dataset)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var date in Layout.Partitions(dataset))
        foreach (var file in Layout.PartitionFiles(dataset, date))
            files[Path.GetRelativePath(Root, file)] = File.ReadAllBytes(file);
        return files;
    }

    /// <summary>
    /// Minute bars for SPY on <paramref name="day"/> (09:30 New York = 14:30 UTC in January): rows
    /// <paramref name="from"/> .. from+count-1, prices shifted by <paramref name="offset"/>.
    /// </summary>
    public static string Bars(int from, int count, double offset = 0, DateOnly? day = null) =>
        $"""
        SELECT 'SPY' AS ticker,
               TIMESTAMPTZ '{(day ?? Day):yyyy-MM-dd} 14:30:00+00' + to_minutes(i) AS ts,
               470.0 + i + {offset} AS open, 471.0 + i + {offset} AS high, 469.0 + i + {offset} AS low, 470.5 + i + {offset} AS close,
               CAST(1000 + i AS DOUBLE) AS volume,
               CASE WHEN i % 2 = 0 THEN 470.25 + i END AS vwap,
               CAST(10 + i AS BIGINT) AS trades
        FROM range({from}, {from + count}) AS r(i)
        """;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A test's child process may still be closing files; the OS temp cleaner gets the rest.
        }
    }
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
