using System.Security.Cryptography;
using System.Text.Json;

namespace Spx.Research.Tests.Build;

/// <summary>
/// build/runartifacts.cake (compiled into this project): the run's index links every page with names escaped, and
/// the manifest is the same bytes for the same files, names each partition by dataset and date with its SHA-256,
/// leaves the version store out, and changes when one file's content does.
/// </summary>
public sealed class RunArtifactsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("spx-run-artifacts-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_index_links_every_report_and_notebook_sorted_with_names_escaped()
    {
        Write("reports/scanner-report.html", "r");
        Write("reports/scan-momentum.json", "{}");
        Write("notebooks/03-spy-momentum.html", "n");
        Write("notebooks/01-<b>tour.html", "n");

        var html = File.ReadAllText(RunIndex.Write(_root, "manifest.json"));

        Assert.Contains("<li><a href=\"reports/scanner-report.html\">scanner-report.html</a></li>", html);
        Assert.DoesNotContain("scan-momentum.json", html);
        Assert.Contains("<a href=\"notebooks/01-%3Cb%3Etour.html\">01-&lt;b&gt;tour.html</a>", html);
        Assert.True(html.IndexOf("01-&lt;b&gt;tour", StringComparison.Ordinal) < html.IndexOf("03-spy-momentum", StringComparison.Ordinal));
        Assert.Contains("<a href=\"manifest.json\">manifest.json</a>", html);
    }

    [Fact]
    public void The_manifest_hashes_partitions_by_dataset_and_date_is_stable_and_moves_when_a_file_changes()
    {
        var lake = Path.Combine(_root, "lake");
        var part = Write("lake/news/date=2025-03-03/part-a.parquet", "one");
        Write("lake/stock_bars_1m/date=2025-03-04/part-b.parquet", "two");
        Write("lake/.versions/news/v1/part-a.parquet", "hidden");
        Write("lake/_state/ingest/job.json", "hidden");

        var first = Manifest(lake, "first.json");
        var second = Manifest(lake, "second.json");
        File.WriteAllText(part, "one, corrected");
        var third = Manifest(lake, "third.json");

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        var inputs = JsonDocument.Parse(File.ReadAllText(first)).RootElement.GetProperty("input_partitions");
        Assert.Equal(["news/date=2025-03-03/part-a.parquet", "stock_bars_1m/date=2025-03-04/part-b.parquet"], inputs.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("one"u8)), inputs.GetProperty("news/date=2025-03-03/part-a.parquet").GetString());
        Assert.NotEqual(File.ReadAllBytes(first), File.ReadAllBytes(third));
    }

    private string Manifest(string lake, string name)
    {
        var path = Path.Combine(_root, name);
        var partitions = RunManifest.Partitions(lake);
        RunManifest.Write(path, "abc123", new Dictionary<string, string> { ["target"] = "Default" }, partitions, partitions, RunManifest.Outputs(_root, RunIndex.Sections));
        return path;
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
