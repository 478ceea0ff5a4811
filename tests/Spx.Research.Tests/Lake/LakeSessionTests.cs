using Spx.Research.Lake;

namespace Spx.Research.Tests.Lake;

public sealed class LakeSessionTests : IDisposable
{
    private const string Bars = "stock_bars_1m";
    private readonly TempLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public void An_absent_lake_keeps_typed_views_whose_queries_fail_naming_the_path_and_is_not_created()
    {
        var missing = Path.Combine(_lake.Root, "nowhere");

        using var session = LakeSession.Open(missing);

        Assert.Equal(42, session.Scalar<int>("SELECT 42"));
        Assert.Equal(DatasetRegistry.Default.Datasets.Select(d => d.Name), session.Views);
        Assert.Equal("TIMESTAMP WITH TIME ZONE|VARCHAR[]|DATE", session.Scalar<string>(
            "SELECT (SELECT data_type FROM duckdb_columns() WHERE table_name = 'news' AND column_name = 'published_utc') || '|' || " +
            "(SELECT data_type FROM duckdb_columns() WHERE table_name = 'news' AND column_name = 'tickers') || '|' || " +
            "(SELECT data_type FROM duckdb_columns() WHERE table_name = 'news' AND column_name = 'date')"));
        foreach (var view in session.Views)
        {
            var error = Assert.Throws<LakeNotFoundException>(() => session.Scalar<long>($"SELECT count(*) FROM {view} WHERE date = DATE '2024-01-02'"));
            Assert.Equal($"no lake at {missing} (no such folder)", error.Message);
        }
        Assert.Throws<LakeNotFoundException>(() => session.Info());
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public void A_lake_path_naming_a_file_fails_queries_on_datasets_naming_the_file()
    {
        var file = Path.Combine(_lake.Root, "lake.txt");
        File.WriteAllText(file, "not a lake");

        using var session = LakeSession.Open(file);

        var error = Assert.Throws<LakeNotFoundException>(() => session.Scalar<long>($"SELECT count(*) FROM {Bars}"));
        Assert.Equal($"no lake at {file} (a file, not a folder)", error.Message);
        Assert.Equal(7, session.Scalar<int>("SELECT 7"));
    }

    [Fact]
    public void A_session_opened_before_its_lake_exists_reads_it_once_written()
    {
        var later = Path.Combine(_lake.Root, "later");
        using var session = LakeSession.Open(later);
        Assert.Throws<LakeNotFoundException>(() => session.Scalar<long>($"SELECT count(*) FROM {Bars}"));

        using (var writer = new LakeWriter(new LakeLayout(later), DatasetRegistry.Default))
            writer.ReplacePartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 10)));

        Assert.Equal(10L, session.Scalar<long>($"SELECT count(*) FROM {Bars}"));
        Assert.Equal(0L, session.Scalar<long>("SELECT count(*) FROM news"));
    }

    [Fact]
    public void Session_queries_follow_writes_made_after_the_session_opened()
    {
        using var session = _lake.Session();
        using var writer = _lake.Writer();

        writer.ReplacePartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 10)));
        Assert.Equal(10L, session.Scalar<long>($"SELECT count(*) FROM {Bars}"));

        writer.DeletePartition(Bars, TempLake.Day);
        Assert.Equal(0L, session.Scalar<long>($"SELECT count(*) FROM {Bars}"));
        Assert.Equal(0, session.Retries);
    }

    [Fact]
    public void Datasets_found_on_disk_but_not_registered_get_views_too()
    {
        var custom = new DatasetSchema("scanner_hits", "test", [DatasetColumn.Required("id", "BIGINT")], ["id"]);
        using (var writer = _lake.Writer(DatasetRegistry.Default.Register(custom)))
            writer.ReplacePartition("scanner_hits", TempLake.Day, LakeSource.FromSql("SELECT range AS id FROM range(4)"));

        using var session = _lake.Session();

        Assert.Equal("scanner_hits", session.Views[^1]);
        Assert.Equal(4L, session.Scalar<long>("SELECT count(*) FROM scanner_hits WHERE date = DATE '2024-01-02'"));
        Assert.False(session.Info().Single(i => i.Dataset == "scanner_hits").Registered);
    }

    [Fact]
    public void Info_counts_partitions_files_rows_and_bytes_from_footers()
    {
        using (var writer = _lake.Writer())
        {
            writer.ReplacePartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 100)));
            writer.AppendToPartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(100, 20)));
            writer.ReplacePartition(Bars, TempLake.NextDay, LakeSource.FromSql(TempLake.Bars(0, 50, day: TempLake.NextDay)));
        }
        var bytes = _lake.Snapshot(Bars).Values.Sum(b => (long)b.Length);

        using var session = _lake.Session();
        var info = session.Info().Single(i => i.Dataset == Bars);

        Assert.Equal(new LakeInfo(Bars, true, 2, 3, 170, bytes, TempLake.Day, TempLake.NextDay, 0), info);
        Assert.Equal(0, session.Info().Single(i => i.Dataset == "news").Rows);
    }

    [Fact]
    public void Info_looks_for_changes_once_for_all_datasets()
    {
        using (var writer = _lake.Writer()) writer.ReplacePartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 100)));
        using var session = _lake.Session();
        var before = session.Syncs;

        var info = session.Info();

        Assert.True(info.Count > 1, $"{info.Count} dataset(s): too few to tell one look from one per dataset");
        Assert.Equal(before + 1, session.Syncs);
    }

    [Fact]
    public void Raw_connection_queries_keep_their_snapshot_until_refreshed_and_session_queries_follow_writes()
    {
        using var writer = _lake.Writer();
        writer.ReplacePartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 10)));
        using var session = _lake.Session();

        writer.ReplacePartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 20)));
        writer.AppendToPartition(Bars, TempLake.NextDay, LakeSource.FromSql(TempLake.Bars(0, 5, day: TempLake.NextDay)));

        // The retired version is still on disk, so the old snapshot reads consistently.
        Assert.Equal(10L, session.Connection.ExecuteScalar<long>($"SELECT count(*) FROM {Bars}"));
        Assert.Equal(25L, session.Scalar<long>($"SELECT count(*) FROM {Bars}"));
        Assert.Equal(25L, session.Connection.ExecuteScalar<long>($"SELECT count(*) FROM {Bars}"));
    }

    [Fact]
    public void A_snapshot_whose_files_were_collected_is_refreshed_and_the_query_repeated()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch.AddYears(54));
        using var writer = _lake.Writer(options: new LakeWriterOptions { TimeProvider = clock, RetiredVersionGrace = TimeSpan.FromSeconds(1) });
        writer.ReplacePartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 10)));
        using var session = _lake.Session();
        writer.ReplacePartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 20)));
        clock.Now += TimeSpan.FromSeconds(2);
        writer.CollectGarbage(Bars);

        var stale = Assert.ThrowsAny<System.Data.Common.DbException>(() => session.Connection.ExecuteScalar<long>($"SELECT count(*) FROM {Bars}"));
        Assert.Contains(_lake.Root, stale.Message);
        Assert.Equal(20L, session.Run(c => c.ExecuteScalar<long>($"SELECT count(*) FROM {Bars}")));
    }
}
