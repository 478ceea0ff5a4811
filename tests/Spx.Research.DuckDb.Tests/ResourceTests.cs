using System.Diagnostics;

namespace Spx.Research.DuckDb.Tests;

public class ResourceTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Hundred_thousand_connection_cycles_keep_memory_flat()
    {
        using var dir = new TempDirectory();
        // threads=1 keeps DuckDB's per-query scheduling overhead (not what this test is about) low enough
        // for 100,000 cycles to finish in well under a minute on a 2-core machine.
        var connectionString = $"Data Source={dir.File("cycles.duckdb")};threads=1";
        using var keeper = Db.Open(connectionString); // holds the shared database open throughout
        keeper.ExecuteNonQuery("CREATE TABLE t AS SELECT i AS x, 'v' || i AS s FROM range(100) t(i)");

        void Cycle(int i)
        {
            using var connection = new DuckDbConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT s FROM t WHERE x = $x";
            command.Parameters.AddWithValue("x", i % 100);
            using var reader = command.ExecuteReader();
            if (!reader.Read() || reader.GetString(0) != "v" + (i % 100)) throw new InvalidOperationException($"cycle {i} read a wrong value");
        }

        for (var i = 0; i < 5_000; i++) Cycle(i);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var warm = ResidentBytes();
        for (var i = 0; i < 95_000; i++) Cycle(i);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var end = ResidentBytes();

        var growthMb = (end - warm) / (1024.0 * 1024.0);
        output.WriteLine($"RSS after warm-up {warm / 1048576.0:F1} MB, after 100,000 cycles {end / 1048576.0:F1} MB, growth {growthMb:F1} MB");
        Assert.True(growthMb < 64, $"RSS grew {growthMb:F1} MB over 95,000 cycles (warm {warm / 1048576} MB, end {end / 1048576} MB)");
        Assert.Equal(1, SharedDatabase.References(connectionString)); // only the keeper is left
    }

    private static long ResidentBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        Process.GetCurrentProcess().Refresh();
        return Process.GetCurrentProcess().WorkingSet64;
    }
}
