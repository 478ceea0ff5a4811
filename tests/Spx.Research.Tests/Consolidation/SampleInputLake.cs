using Spx.Research.Consolidation;
using Spx.Research.Lake;
using Spx.Research.Synthetic;

namespace Spx.Research.Tests.Consolidation;

/// <summary>
/// A temporary lake holding the bundled sample lake's consolidation inputs for a few dates (many SPY tickers a day,
/// so every row-alignment mistake shows), copied file by file into plain partition folders.
/// </summary>
internal sealed class SampleInputLake : IDisposable
{
    public static readonly DateOnly First = new(2025, 3, 3);
    public static readonly DateOnly Last = new(2025, 3, 4);
    private static readonly string[] Inputs = ["option_bars_1m", "stock_bars_1s", "index_bars_1m", "news"];

    public SampleInputLake()
    {
        Root = Directory.CreateTempSubdirectory("spx-consolidate-sample-").FullName;
        var sample = SampleLake.Find(AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException("data-samples/lake not found");
        foreach (var dataset in Inputs)
        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            var from = Path.Combine(sample, dataset, LakeLayout.PartitionName(day));
            if (!Directory.Exists(from)) continue;
            var to = Directory.CreateDirectory(Path.Combine(Root, dataset, LakeLayout.PartitionName(day))).FullName;
            foreach (var file in Directory.GetFiles(from, "*.parquet")) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        Layout = new LakeLayout(Root);
    }

    public string Root { get; }

    public LakeLayout Layout { get; }

    public IReadOnlyList<ConsolidatedDay> Consolidate(int? workers = null) =>
        Consolidator.Run(Layout, new ConsolidationOptions("SPY", First, Last, ConsolidationTestLake.Rate, ConsolidationTestLake.Yield), workers: workers);

    public LakeSession Session() => LakeSession.Open(Root);

    /// <summary>Each <c>option_minutes</c> partition's visible file names (content hashes), by date.</summary>
    public IReadOnlyList<string> MinuteFiles() =>
        Layout.Partitions("option_minutes").SelectMany(d => Layout.PartitionFiles("option_minutes", d).Select(f => $"{d:yyyy-MM-dd}/{Path.GetFileName(f)}")).ToList();

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
