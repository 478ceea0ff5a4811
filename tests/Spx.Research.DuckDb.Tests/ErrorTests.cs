namespace Spx.Research.DuckDb.Tests;

public class ErrorTests
{
    [Fact]
    public void Unknown_table_surfaces_duckdbs_catalog_error()
    {
        using var connection = Db.OpenMemory();
        var error = Assert.Throws<DuckDbException>(() => connection.ExecuteReader("SELECT * FROM nope"));
        Assert.Contains("Catalog Error: Table with name nope does not exist!", error.Message);
    }

    [Fact]
    public void Syntax_error_surfaces_duckdbs_parser_error()
    {
        using var connection = Db.OpenMemory();
        var error = Assert.Throws<DuckDbException>(() => connection.ExecuteNonQuery("SELEC 1"));
        Assert.Contains("Parser Error", error.Message);
        Assert.Contains("SELEC", error.Message);
    }

    [Fact]
    public void Constraint_violation_surfaces_duckdbs_message_and_keeps_existing_rows()
    {
        using var connection = Db.OpenMemory();
        connection.ExecuteNonQuery("CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR NOT NULL); INSERT INTO t VALUES (1, 'a')");
        var duplicate = Assert.Throws<DuckDbException>(() => connection.ExecuteNonQuery("INSERT INTO t VALUES (?, ?)", 1, "b"));
        Assert.Contains("Constraint Error", duplicate.Message);
        Assert.Contains("duplicate key", duplicate.Message, StringComparison.OrdinalIgnoreCase);
        var notNull = Assert.Throws<DuckDbException>(() => connection.ExecuteNonQuery("INSERT INTO t VALUES (?, ?)", 2, null));
        Assert.Contains("NOT NULL constraint failed", notNull.Message);
        Assert.Equal("a", connection.ExecuteScalar("SELECT string_agg(v) FROM t"));
    }

    [Fact]
    public void Error_in_a_later_statement_of_a_script_keeps_earlier_ones_and_reports_it()
    {
        using var connection = Db.OpenMemory();
        var error = Assert.Throws<DuckDbException>(() => connection.ExecuteNonQuery("CREATE TABLE t(a INT); INSERT INTO missing VALUES (1);"));
        Assert.Contains("missing", error.Message);
        Assert.Equal(0L, Convert.ToInt64(connection.ExecuteScalar("SELECT count(*) FROM t")));
    }

    [Fact]
    public void Runtime_error_while_streaming_is_raised_from_Read()
    {
        using var connection = Db.OpenMemory();
        var error = Assert.Throws<DuckDbException>(() =>
        {
            using var reader = connection.ExecuteReader(
                "SELECT CASE WHEN i < 5000 THEN i::VARCHAR ELSE 'x' || i END::INTEGER FROM range(10000) t(i)");
            while (reader.Read()) { }
        });
        Assert.Contains("Conversion Error", error.Message);
    }

    [Fact]
    public void Connection_remains_usable_after_an_error()
    {
        using var connection = Db.OpenMemory();
        Assert.Throws<DuckDbException>(() => connection.ExecuteNonQuery("SELECT * FROM nope"));
        Assert.Equal(2, connection.ExecuteScalar<int>("SELECT 1 + 1"));
    }

    [Fact]
    public void Empty_command_text_is_an_error()
    {
        using var connection = Db.OpenMemory();
        Assert.Throws<DuckDbException>(() => connection.ExecuteNonQuery("   "));
    }
}
