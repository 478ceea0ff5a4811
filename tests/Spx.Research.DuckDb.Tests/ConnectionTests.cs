using System.Data;

namespace Spx.Research.DuckDb.Tests;

public class ConnectionTests
{
    [Fact]
    public void Empty_connection_string_opens_a_private_in_memory_database()
    {
        using var a = Db.Open("");
        using var b = Db.Open("Data Source=:memory:");
        a.ExecuteNonQuery("CREATE TABLE only_in_a(x INT)");
        Assert.Equal(ConnectionState.Open, a.State);
        Assert.Equal(":memory:", a.DataSource);
        var error = Assert.Throws<DuckDbException>(() => b.ExecuteScalar("SELECT count(*) FROM only_in_a"));
        Assert.Contains("only_in_a", error.Message);
    }

    [Fact]
    public void Named_in_memory_database_is_shared_and_closed_with_its_last_connection()
    {
        var name = "Data Source=:memory:shared_" + Guid.NewGuid().ToString("N");
        using (var a = Db.Open(name))
        using (var b = Db.Open(name))
        {
            a.ExecuteNonQuery("CREATE TABLE t(x INT); INSERT INTO t VALUES (41), (1)");
            Assert.Equal(42L, b.ExecuteScalar<long>("SELECT sum(x) FROM t"));
        }
        using var c = Db.Open(name);
        Assert.Throws<DuckDbException>(() => c.ExecuteScalar("SELECT * FROM t"));
        // Named in-memory databases must never touch the disk (DuckDB would read ":memory:NAME" as a file name).
        Assert.False(File.Exists(name["Data Source=".Length..]));
    }

    [Fact]
    public void File_database_is_shared_by_path_and_released_when_all_connections_close()
    {
        using var dir = new TempDirectory();
        var path = dir.File("shared.duckdb");
        using (var a = Db.Open($"Data Source={path}"))
        using (var b = Db.Open($"Data Source={System.IO.Path.Combine(dir.Path, ".", "shared.duckdb")}"))
        {
            Assert.Equal(2, SharedDatabase.References($"Data Source={path}"));
            a.ExecuteNonQuery("CREATE TABLE t AS SELECT 7 AS x");
            Assert.Equal(7, b.ExecuteScalar<int>("SELECT x FROM t"));
        }
        Assert.Equal(0, SharedDatabase.References($"Data Source={path}"));

        // Reopening after the native database was closed still finds the persisted data.
        using var c = Db.Open($"Data Source={path}");
        Assert.Equal(7, c.ExecuteScalar<int>("SELECT x FROM t"));
    }

    [Fact]
    public void Extra_connection_string_keys_are_duckdb_settings()
    {
        using var connection = Db.Open("Data Source=:memory:;threads=1");
        Assert.Equal("1", connection.ExecuteScalar("SELECT current_setting('threads')")!.ToString());
    }

    [Fact]
    public void Unknown_setting_is_reported_by_name()
    {
        using var connection = new DuckDbConnection("Data Source=:memory:;no_such_option=3");
        var error = Assert.Throws<DuckDbException>(connection.Open);
        Assert.Contains("no_such_option", error.Message);
        Assert.Equal(ConnectionState.Closed, connection.State);
    }

    [Fact]
    public void Open_close_and_reopen_track_state_and_report_version()
    {
        var connection = new DuckDbConnection();
        Assert.Equal(ConnectionState.Closed, connection.State);
        Assert.Throws<InvalidOperationException>(() => connection.ExecuteNonQuery("SELECT 1"));
        connection.Open();
        Assert.Throws<InvalidOperationException>(connection.Open);
        Assert.StartsWith("v1.", connection.ServerVersion);
        connection.Close();
        connection.Close();
        Assert.Equal(ConnectionState.Closed, connection.State);
        connection.Open();
        Assert.Equal(1, connection.ExecuteScalar<int>("SELECT 1"));
        connection.Dispose();
        Assert.Equal(ConnectionState.Closed, connection.State);
    }

    [Fact]
    public void Transaction_rollback_discards_and_commit_keeps()
    {
        using var connection = Db.OpenMemory();
        connection.ExecuteNonQuery("CREATE TABLE t(x INT)");
        using (var tx = connection.BeginTransaction())
        {
            connection.ExecuteNonQuery("INSERT INTO t VALUES (1)");
            tx.Rollback();
        }
        using (var tx = connection.BeginTransaction())
        {
            connection.ExecuteNonQuery("INSERT INTO t VALUES (2)");
            tx.Commit();
        }
        using (connection.BeginTransaction())
        {
            connection.ExecuteNonQuery("INSERT INTO t VALUES (3)");
            // disposed without commit → rolled back
        }
        Assert.Equal(2, connection.ExecuteScalar<int>("SELECT sum(x) FROM t"));
    }
}
