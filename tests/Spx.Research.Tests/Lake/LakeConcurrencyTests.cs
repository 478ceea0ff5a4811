using System.Data.Common;
using System.Diagnostics;
using Spx.Research.Lake;
using Spx.Research.LakeStress;
using Xunit.Abstractions;

namespace Spx.Research.Tests.Lake;

/// <summary>
/// Readers and a writer in two processes: the writer (Spx.Research.LakeStress) replaces, appends to and
/// compacts partitions in a loop while this process queries the view as fast as it can — alternately
/// through <see cref="LakeSession.Query{T}"/> and, right after <see cref="LakeSession.Refresh"/>, through
/// the session's plain connection, as a notebook would. Every query must succeed and every partition must
/// be one complete version in every result.
/// </summary>
public sealed class LakeConcurrencyTests(ITestOutputHelper output) : IDisposable
{
    private const double WriterSeconds = 6;
    private readonly TempLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task Readers_in_another_process_never_see_partial_or_mixed_partitions()
    {
        using var writer = StartWriter(_lake.Root);
        var stderr = writer.StandardError.ReadToEndAsync();
        if (await writer.StandardOutput.ReadLineAsync() != "ready")
        {
            await writer.WaitForExitAsync();
            Assert.Fail($"the writer did not start ({writer.ExitCode}): {await stderr}");
        }

        var registry = DatasetRegistry.Default.Register(StressDataset.Schema);
        using var session = new LakeSession(_lake.Layout, registry);
        var queries = 0;
        var replacedTags = new HashSet<string>();
        var cycledSizes = new HashSet<long>();
        var cycledTags = new HashSet<string>();
        try
        {
            while (!writer.HasExited)
            {
                List<PartitionState> partitions;
                if (queries % 2 == 0)
                {
                    partitions = session.Query(StatesSql, ReadStates);
                }
                else
                {
                    session.Refresh();
                    using var reader = session.Connection.ExecuteReader(StatesSql);
                    partitions = ReadStates(reader);
                }
                queries++;

                Assert.Equal([.. StressDataset.ReplacedDays, StressDataset.CycledDay], partitions.Select(p => p.Date));
                foreach (var p in partitions)
                {
                    var state = $"query {queries}, {p}";
                    Assert.True(p.Tags == 1, "mixed versions: " + state);
                    Assert.True(p.Ids == p.Rows && p.MinId == 0 && p.MaxId == p.Rows - 1, "duplicate or missing rows: " + state);
                    if (p.Date == StressDataset.CycledDay)
                    {
                        Assert.True(p.Rows is StressDataset.Batch or 2 * StressDataset.Batch or 3 * StressDataset.Batch, "partial partition: " + state);
                        cycledSizes.Add(p.Rows);
                        cycledTags.Add(p.Tag);
                    }
                    else
                    {
                        Assert.True(p.Rows == StressDataset.RowCount, "partial partition: " + state);
                        replacedTags.Add(p.Tag);
                    }
                }
            }
        }
        finally
        {
            if (!writer.HasExited) writer.Kill(entireProcessTree: true);
        }

        await writer.WaitForExitAsync();
        var done = await writer.StandardOutput.ReadToEndAsync();
        Assert.True(writer.ExitCode == 0, $"writer failed ({writer.ExitCode}): {await stderr}");
        Assert.StartsWith("done ", done);
        output.WriteLine($"writer: {done.Trim()} operations; reader: {queries} queries, {session.Retries} retried; append states {string.Join("/", cycledSizes.Order())}, {cycledTags.Count} cycles");
        // The race must really have happened: many queries, both replace versions, several append states.
        Assert.True(queries >= 10, $"only {queries} queries ran");
        Assert.Equal(["A", "B"], replacedTags.Order());
        Assert.True(cycledTags.Count >= 2, $"only {cycledTags.Count} compaction cycles observed");
        Assert.True(cycledSizes.Count >= 2, $"append states observed: {string.Join(", ", cycledSizes)}");
    }

    private const string StatesSql =
        $"SELECT date, count(*), count(DISTINCT tag), min(tag), count(DISTINCT id), min(id), max(id) FROM {StressDataset.Name} GROUP BY date ORDER BY date";

    private static List<PartitionState> ReadStates(DbDataReader r)
    {
        var rows = new List<PartitionState>();
        while (r.Read())
            rows.Add(new(r.GetFieldValue<DateOnly>(0), r.GetInt64(1), r.GetInt64(2), r.GetString(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6)));
        return rows;
    }

    private static Process StartWriter(string root)
    {
        var dll = LocateStressDll();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, root, WriterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start " + dll);
    }

    /// <summary>
    /// artifacts/bin/Spx.Research.LakeStress/&lt;pivot&gt;/, beside this assembly's
    /// artifacts/bin/Spx.Research.Tests/&lt;pivot&gt;/ (the test project references it, so it is built first).
    /// </summary>
    private static string LocateStressDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(here.Parent!.Parent!.FullName, "Spx.Research.LakeStress", here.Name, "Spx.Research.LakeStress.dll");
        Assert.True(File.Exists(dll), $"Spx.Research.LakeStress is not built at {dll}");
        return dll;
    }

    /// <summary>One partition as a query saw it.</summary>
    private readonly record struct PartitionState(DateOnly Date, long Rows, long Tags, string Tag, long Ids, long MinId, long MaxId);
}
