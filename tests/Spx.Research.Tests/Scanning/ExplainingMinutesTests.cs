using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Spx.Research.Lake;
using Spx.Research.Scanning;
using Spx.Research.Tests.Consolidation;

namespace Spx.Research.Tests.Scanning;

/// <summary>
/// <see cref="ExplainingMinutes"/> on the consolidated sample days: the rows it reads straight from each partition's
/// file are exactly those of the SQL semi-join (<see cref="MomentumEventQueries.InsertMinutes"/>), also where a key is
/// stored twice; a partition the direct read does not take (a column of another type, two files) goes through SQL.
/// </summary>
public sealed class ExplainingMinutesTests
{
    private static readonly MomentumScanOptions Options = new();
    private static readonly DateOnly Day = SampleInputLake.First;

    [Fact]
    public void The_direct_read_finds_the_rows_the_semi_join_finds()
    {
        using var lake = Consolidated();
        using var session = lake.Session();

        var (direct, sql) = BothWays(session);

        Assert.True(direct.Count > 1_000, $"only {direct.Count} explaining rows on the sample days");
        Assert.Equal(sql, direct);
    }

    [Fact]
    public void A_key_stored_twice_gives_two_rows_both_ways()
    {
        using var lake = Consolidated();
        var file = Rewrite(lake, "SELECT * FROM m UNION ALL SELECT * FROM m ORDER BY ticker, ts");
        using var session = lake.Session();

        var (direct, sql) = BothWays(session);

        Assert.NotNull(ExplainingMinutesFile.Find(file, "SPY", new Dictionary<string, HashSet<long>>()));
        Assert.Equal(sql, direct);
        var day = direct.Where(row => row.StartsWith($"{Day:yyyy-MM-dd}", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(day);
        Assert.All(day.CountBy(row => row), count => Assert.Equal(2, count.Value));
    }

    [Fact]
    public void A_partition_whose_greeks_are_floats_goes_through_sql()
    {
        using var lake = Consolidated();
        var file = Rewrite(lake, "SELECT * REPLACE (delta::FLOAT AS delta) FROM m ORDER BY ticker, ts");
        using var session = lake.Session();

        var (direct, sql) = BothWays(session);

        Assert.Null(ExplainingMinutesFile.Find(file, "SPY", new Dictionary<string, HashSet<long>>()));
        Assert.Equal(sql, direct);
        Assert.Contains(direct, row => row.StartsWith($"{Day:yyyy-MM-dd}", StringComparison.Ordinal));
    }

    [Fact]
    public void A_partition_of_two_files_goes_through_sql()
    {
        using var lake = Consolidated();
        var stored = Assert.Single(lake.Layout.PartitionFiles("option_minutes", Day));
        // The partition's rows split over two files: each half of the tickers in one.
        Rewrite(lake, "SELECT * FROM m WHERE ticker < (SELECT median(ticker) FROM m) ORDER BY ticker, ts");
        var other = Path.Combine(Path.GetDirectoryName(stored)!, "part-second.parquet");
        using (var copy = new DuckDBConnection("Data Source=:memory:"))
        {
            copy.Open();
            copy.ExecuteNonQuery($"COPY (SELECT * FROM read_parquet({SqlText.Literal(Original(lake))}, hive_partitioning = false) " +
                $"WHERE ticker >= (SELECT median(ticker) FROM read_parquet({SqlText.Literal(Original(lake))}, hive_partitioning = false)) ORDER BY ticker, ts) " +
                $"TO {SqlText.Literal(other)} (FORMAT parquet)");
        }
        using var session = lake.Session();

        var (direct, sql) = BothWays(session);

        Assert.Equal(2, lake.Layout.PartitionFiles("option_minutes", Day).Count);
        Assert.Equal(sql, direct);
        Assert.Contains(direct, row => row.StartsWith($"{Day:yyyy-MM-dd}", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_damaged_inside_stops_the_scan_with_one_line_naming_it()
    {
        using var lake = Consolidated();
        var stored = Assert.Single(lake.Layout.PartitionFiles("option_minutes", Day));
        // Zeroes over the column chunks, the footer left whole: the view takes the file, its pages do not decode.
        var bytes = File.ReadAllBytes(stored);
        Array.Clear(bytes, 1_000, bytes.Length / 2 - 1_000);
        File.WriteAllBytes(stored, bytes);
        using var session = lake.Session();

        var error = Assert.Throws<InvalidDataException>(() => MomentumScanner.Run(session, Options));

        // The session reads the partition's version folder: the same file under its real path.
        Assert.Matches($"^option_minutes: cannot read /.+/{Regex.Escape(Path.GetFileName(stored))}: .+", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static SampleInputLake Consolidated()
    {
        var lake = new SampleInputLake();
        lake.Consolidate();
        File.Copy(Assert.Single(lake.Layout.PartitionFiles("option_minutes", Day)), Original(lake));
        return lake;
    }

    /// <summary>A copy of <see cref="Day"/>'s consolidated file, kept outside the lake.</summary>
    private static string Original(SampleInputLake lake) => Path.Combine(lake.Root, "original-minutes.parquet");

    /// <summary>Replaces <see cref="Day"/>'s stored file in place by <paramref name="select"/> over <c>m</c>, its original rows.</summary>
    private static string Rewrite(SampleInputLake lake, string select)
    {
        var stored = Assert.Single(lake.Layout.PartitionFiles("option_minutes", Day));
        var written = Path.Combine(lake.Root, "rewritten.parquet");
        using (var connection = new DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            connection.ExecuteNonQuery($"CREATE VIEW m AS SELECT * FROM read_parquet({SqlText.Literal(Original(lake))}, hive_partitioning = false)");
            connection.ExecuteNonQuery($"COPY ({select}) TO {SqlText.Literal(written)} (FORMAT parquet)");
        }
        File.Copy(written, stored, overwrite: true);
        return stored;
    }

    /// <summary>The scan's explaining rows found by <see cref="ExplainingMinutes"/>, then by the semi-join alone, each sorted.</summary>
    private static (List<string> Direct, List<string> Sql) BothWays(LakeSession session) => session.Run(connection =>
    {
        connection.ExecuteNonQuery(MomentumQueries.CreateTables());
        Assert.Empty(MomentumKernelScan.Fill(connection, Options));
        ExplainingMinutes.Fill(connection, session, Options);
        var direct = Rows(connection);
        connection.ExecuteNonQuery(MomentumEventQueries.CreateMinutes());
        connection.ExecuteNonQuery(MomentumEventQueries.InsertMinutes(Options, [SampleInputLake.First, SampleInputLake.Last]));
        return (direct, Rows(connection));
    });

    private static List<string> Rows(DuckDBConnection connection)
    {
        using var reader = connection.ExecuteReader(
            "SELECT strftime(m.ts AT TIME ZONE 'America/New_York', '%Y-%m-%d %H:%M') || '|' || m.ticker || '|' || " +
            "coalesce(m.spot::VARCHAR, 'NULL') || '|' || coalesce(m.delta::VARCHAR, 'NULL') || '|' || coalesce(m.gamma::VARCHAR, 'NULL') " +
            $"FROM {MomentumEventQueries.MinutesTable} m ORDER BY ALL");
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(0));
        return rows;
    }
}
