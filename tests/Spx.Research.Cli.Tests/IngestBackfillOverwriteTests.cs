using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Spx.Research.Lake;
using Xunit.Abstractions;

namespace Spx.Research.Cli.Tests;

/// <summary>
/// <c>spx ingest backfill --overwrite</c> as a history correction (issue 11, docs/ingest.md): a day whose option and
/// stock minute bars were partly deleted and altered is downloaded again and equals a clean run's, other days keep
/// their bytes; an overwrite killed with SIGKILL resumes (the checkpoint records the run's units) instead of starting over.
/// </summary>
public sealed partial class IngestBackfillOverwriteTests(ITestOutputHelper output) : IDisposable
{
    private static readonly DateOnly Damaged = new(2025, 3, 4);
    private readonly string _root = Directory.CreateTempSubdirectory("spx-backfill-overwrite-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Overwrite_restores_a_damaged_day_and_leaves_the_other_days_bytes_alone()
    {
        await using var simulator = BackfillProcess.Simulator();
        var baseUri = await simulator.StartAsync();
        var (clean, lake) = (Path.Combine(_root, "clean"), Path.Combine(_root, "lake"));
        Assert.Equal(0, BackfillProcess.Run(BackfillProcess.Args(baseUri, clean)).ExitCode);
        Assert.Equal(0, BackfillProcess.Run(BackfillProcess.Args(baseUri, lake)).ExitCode);
        Damage(lake, Damaged);
        AssertDiffers(clean, lake);
        var others = OtherDaysBytes(lake);

        var run = BackfillProcess.Run(BackfillProcess.Args(baseUri, lake, "--overwrite").Select(a => a is "2025-03-03" or "2025-03-05" ? "2025-03-04" : a));

        Assert.True(run.ExitCode == 0, run.Error);
        AssertEqual(clean, lake);
        Assert.Equal(others, OtherDaysBytes(lake));
    }

    [Fact]
    public async Task A_killed_overwrite_resumes_with_the_units_it_had_stored_and_ends_equal_to_a_clean_run()
    {
        await using var simulator = BackfillProcess.Simulator();
        var baseUri = await simulator.StartAsync();
        var (clean, lake) = (Path.Combine(_root, "clean"), Path.Combine(_root, "lake"));
        Assert.Equal(0, BackfillProcess.Run(BackfillProcess.Args(baseUri, clean)).ExitCode);
        Assert.Equal(0, BackfillProcess.Run(BackfillProcess.Args(baseUri, lake)).ExitCode);
        Damage(lake, Damaged);

        // One request at a time, so the kill lands well inside the job.
        var overwrite = BackfillProcess.Args(baseUri, lake, "--overwrite", "--parallelism", "1");
        var (process, error) = BackfillProcess.Start(overwrite);
        using (process)
        {
            SpinWait.SpinUntil(() => process.HasExited || Overwritten(lake).Count >= 4, TimeSpan.FromMinutes(5));
            Assert.False(process.HasExited, "the overwrite ended before the kill: " + error());
            process.Kill();
            process.WaitForExit();
        }
        var stored = Overwritten(lake);
        output.WriteLine($"killed with {stored.Count} unit(s) of the overwrite recorded: {string.Join(", ", stored)}");

        var rerun = BackfillProcess.Run(overwrite);

        Assert.True(rerun.ExitCode == 0, rerun.Error);
        var skipped = int.Parse(AlreadyStored().Matches(rerun.Error)[^1].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(stored.Count, skipped);
        AssertEqual(clean, lake);
        Assert.Empty(Overwritten(lake)); // finished: the next --overwrite starts a new run
    }

    /// <summary>Deletes a third of the day's SPY option and stock minute bars and alters the close of another third, with the lake's own writer.</summary>
    private static void Damage(string lake, DateOnly day)
    {
        var layout = new LakeLayout(lake);
        using var writer = new LakeWriter(layout, DatasetRegistry.Default);
        foreach (var dataset in new[] { "option_bars_1m", "stock_bars_1m" })
        {
            var files = SqlText.FileList(layout.PartitionFiles(dataset, day));
            writer.ReplacePartition(dataset, day, LakeSource.FromSql(
                $"SELECT * REPLACE (CASE WHEN minute(ts) % 3 = 1 THEN close + 0.25 ELSE close END AS close) " +
                $"FROM read_parquet({files}, hive_partitioning = false) WHERE minute(ts) % 3 <> 0"));
        }
    }

    private static void AssertEqual(string clean, string lake)
    {
        foreach (var dataset in BackfillProcess.Datasets)
        {
            var (rows, onlyClean, onlyLake) = BackfillProcess.Compare(clean, lake, dataset);
            Assert.True(rows > 0 && onlyClean == 0 && onlyLake == 0, $"{dataset}: {rows} rows, {onlyClean} only in the clean lake, {onlyLake} only in the overwritten one");
        }
    }

    private static void AssertDiffers(string clean, string lake)
    {
        foreach (var dataset in new[] { "option_bars_1m", "stock_bars_1m" })
        {
            var (_, onlyClean, onlyLake) = BackfillProcess.Compare(clean, lake, dataset);
            Assert.True(onlyClean > 0 && onlyLake > 0, $"{dataset}: the damage did not take ({onlyClean}, {onlyLake})");
        }
    }

    /// <summary>SHA-256 of every visible file of every day but the damaged one, by lake-relative path.</summary>
    private static SortedDictionary<string, string> OtherDaysBytes(string lake)
    {
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var dataset in BackfillProcess.Datasets)
        {
            foreach (var partition in Directory.GetDirectories(Path.Combine(lake, dataset), "date=*").Where(p => !p.EndsWith(Damaged.ToString("yyyy-MM-dd"), StringComparison.Ordinal)))
            {
                foreach (var file in Directory.GetFiles(partition, "*.parquet"))
                    hashes[Path.GetRelativePath(lake, file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
            }
        }
        Assert.NotEmpty(hashes);
        return hashes;
    }

    /// <summary>The units the checkpoint records as stored by the unfinished overwrite run.</summary>
    private static IReadOnlyList<string> Overwritten(string lake)
    {
        var file = Path.Combine(lake, "_state", "ingest", "backfill-SPY.json");
        if (!File.Exists(file)) return [];
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            return json.RootElement.TryGetProperty("overwrite", out var run) && run.ValueKind == JsonValueKind.Object
                ? [.. run.GetProperty("units").EnumerateArray().Select(u => u.GetString()!)]
                : [];
        }
        catch (IOException)
        {
            return []; // replaced while read: the next poll sees the new one
        }
    }

    [GeneratedRegex(@"\((\d+) already stored")]
    private static partial Regex AlreadyStored();
}
