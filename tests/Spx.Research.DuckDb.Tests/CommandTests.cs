namespace Spx.Research.DuckDb.Tests;

public class CommandTests
{
    [Fact]
    public void Multi_statement_script_runs_every_statement_and_returns_the_last_result()
    {
        using var connection = Db.OpenMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE t(a INT); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2), (3); SELECT sum(a) FROM t;";
        Assert.Equal(Int128.Parse("6"), command.ExecuteScalar()); // sum(INTEGER) is a HUGEINT in DuckDB
    }

    [Fact]
    public void ExecuteNonQuery_returns_rows_changed_summed_over_a_script_and_minus_one_for_ddl()
    {
        using var connection = Db.OpenMemory();
        Assert.Equal(-1, connection.ExecuteNonQuery("CREATE TABLE t(a INT)"));
        Assert.Equal(3, connection.ExecuteNonQuery("INSERT INTO t VALUES (1); INSERT INTO t VALUES (2), (3);"));
        Assert.Equal(2, connection.ExecuteNonQuery("UPDATE t SET a = a * 10 WHERE a >= 2"));
        Assert.Equal(3, connection.ExecuteNonQuery("DELETE FROM t"));
    }

    [Fact]
    public void ExecuteScalar_distinguishes_no_row_from_null()
    {
        using var connection = Db.OpenMemory();
        Assert.Null(connection.ExecuteScalar("SELECT 1 WHERE false"));
        Assert.Same(DBNull.Value, connection.ExecuteScalar("SELECT NULL"));
        Assert.Null(connection.ExecuteScalar<int?>("SELECT NULL::INT"));
    }

    [Fact]
    public void Prepared_command_can_be_reexecuted_with_new_values()
    {
        using var connection = Db.OpenMemory();
        connection.ExecuteNonQuery("CREATE TABLE t(a INT, b VARCHAR)");
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO t VALUES ($a, $b)";
        var a = insert.Parameters.AddWithValue("a", 0);
        var b = insert.Parameters.AddWithValue("$b", "");
        insert.Prepare();
        for (var i = 0; i < 100; i++)
        {
            a.Value = i;
            b.Value = "v" + i;
            Assert.Equal(1, insert.ExecuteNonQuery());
        }
        Assert.Equal(4950L, connection.ExecuteScalar<long>("SELECT sum(a) FROM t"));
        Assert.Equal("v42", connection.ExecuteScalar("SELECT b FROM t WHERE a = 42"));
    }

    [Fact]
    public void Changing_command_text_reprepares()
    {
        using var connection = Db.OpenMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        Assert.Equal(1, Convert.ToInt32(command.ExecuteScalar()));
        command.CommandText = "SELECT 2";
        Assert.Equal(2, Convert.ToInt32(command.ExecuteScalar()));
    }

    [Theory]
    [InlineData("x'); DROP TABLE t; --")]
    [InlineData("'; DELETE FROM t; SELECT '")]
    [InlineData("Robert\"); DROP TABLE t;--")]
    public void Injection_attempt_through_a_parameter_is_stored_literally(string hostile)
    {
        using var connection = Db.OpenMemory();
        connection.ExecuteNonQuery("CREATE TABLE t(name VARCHAR); INSERT INTO t VALUES ('keep')");
        Assert.Equal(1, connection.ExecuteNonQuery("INSERT INTO t VALUES (?)", hostile));
        Assert.Equal(2L, Convert.ToInt64(connection.ExecuteScalar("SELECT count(*) FROM t")));
        Assert.Equal(hostile, connection.ExecuteScalar("SELECT name FROM t WHERE name <> 'keep'"));
        Assert.Equal(1L, Convert.ToInt64(connection.ExecuteScalar("SELECT count(*) FROM t WHERE name = $1", hostile)));
    }

    [Fact]
    public void A_lone_null_argument_is_one_null_parameter()
    {
        using var connection = Db.OpenMemory();
        connection.ExecuteNonQuery("CREATE TABLE t(a INT)");
        Assert.Equal(1, connection.ExecuteNonQuery("INSERT INTO t VALUES (?)", null));
        Assert.Equal(1L, connection.ExecuteScalar<long>("SELECT count(*) FROM t WHERE a IS NULL"));
    }

    [Fact]
    public void Positional_dollar_parameters_can_repeat()
    {
        using var connection = Db.OpenMemory();
        Assert.Equal(10, connection.ExecuteScalar<int>("SELECT $1 * 2 + $2", 4, 2));
        Assert.Equal(8, connection.ExecuteScalar<int>("SELECT $1 + $1", 4));
    }

    [Fact]
    public void Too_few_parameter_values_is_a_clear_error()
    {
        using var connection = Db.OpenMemory();
        var error = Assert.Throws<DuckDbException>(() => connection.ExecuteScalar("SELECT ? + ?", 1));
        Assert.Contains("2 parameter(s) but 1 value(s)", error.Message);
    }

    [Fact]
    public void Too_many_parameter_values_is_a_clear_error()
    {
        using var connection = Db.OpenMemory();
        var error = Assert.Throws<DuckDbException>(() => connection.ExecuteScalar("SELECT ?", 1, 2));
        Assert.Contains("1 parameter(s) but 2 value(s)", error.Message);
    }

    [Fact]
    public void Unknown_named_parameter_lists_the_real_ones()
    {
        using var connection = Db.OpenMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT $price * $qty";
        command.Parameters.AddWithValue("price", 2.5);
        command.Parameters.AddWithValue("quantity", 4);
        var error = Assert.Throws<DuckDbException>(() => command.ExecuteScalar());
        Assert.Contains("$quantity", error.Message);
        Assert.Contains("$price", error.Message);
        Assert.Contains("$qty", error.Message);
    }

    [Fact]
    public void Named_parameters_bind_by_name_not_position()
    {
        using var connection = Db.OpenMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT $a - $b";
        command.Parameters.AddWithValue("@b", 1);
        command.Parameters.AddWithValue(":a", 10);
        Assert.Equal(9, Convert.ToInt32(command.ExecuteScalar()));
    }

    [Fact]
    public void Parameters_with_a_multi_statement_script_are_rejected()
    {
        using var connection = Db.OpenMemory();
        var error = Assert.Throws<DuckDbException>(() => connection.ExecuteNonQuery("CREATE TABLE t(a INT); INSERT INTO t VALUES (?)", 1));
        Assert.Contains("2 statements", error.Message);
    }

    [Fact]
    public void Unsupported_parameter_type_names_the_parameter()
    {
        using var connection = Db.OpenMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT $v";
        command.Parameters.AddWithValue("v", new Uri("http://example.com"));
        var error = Assert.Throws<NotSupportedException>(() => command.ExecuteScalar());
        Assert.Contains("$v", error.Message);
        Assert.Contains("System.Uri", error.Message);
    }

    [Fact]
    public void Command_without_open_connection_throws()
    {
        using var command = new DuckDbCommand("SELECT 1");
        Assert.Throws<InvalidOperationException>(() => command.ExecuteScalar());
        using var connection = new DuckDbConnection();
        command.Connection = connection;
        Assert.Throws<InvalidOperationException>(() => command.ExecuteScalar());
    }

    [Fact]
    public void Prepared_command_survives_connection_reopen()
    {
        using var connection = Db.Open("Data Source=:memory:reopen_" + Guid.NewGuid().ToString("N"));
        using var keeper = Db.Open(connection.ConnectionString);
        keeper.ExecuteNonQuery("CREATE TABLE t AS SELECT 5 AS x");
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT x FROM t";
        Assert.Equal(5, Convert.ToInt32(command.ExecuteScalar()));
        connection.Close();
        connection.Open();
        Assert.Equal(5, Convert.ToInt32(command.ExecuteScalar()));
    }

    [Fact]
    public void Non_select_statements_with_results_read_through_the_reader()
    {
        using var connection = Db.OpenMemory();
        connection.ExecuteNonQuery("CREATE TABLE quotes(ticker VARCHAR, bid DOUBLE)");
        using (var reader = connection.ExecuteReader("DESCRIBE quotes"))
        {
            Assert.Equal("column_name", reader.GetName(0));
            Assert.True(reader.Read());
            Assert.Equal("ticker", reader.GetString(0));
            Assert.Equal("VARCHAR", reader.GetString(1));
        }
        Assert.Equal("quotes", connection.ExecuteScalar("SHOW TABLES"));
        Assert.Contains("SEQ_SCAN", ExplainText(connection));
    }

    private static string ExplainText(DuckDbConnection connection)
    {
        using var reader = connection.ExecuteReader("EXPLAIN SELECT * FROM quotes");
        var text = "";
        while (reader.Read()) text += reader.GetString(1);
        return text;
    }

    [Fact]
    public void Parquet_copy_and_read_back_work_with_the_bundled_extension()
    {
        using var dir = new TempDirectory();
        var file = dir.File("bars.parquet");
        using var connection = Db.OpenMemory();
        Assert.Equal(1000, connection.ExecuteNonQuery(
            $"COPY (SELECT i AS id, 'SPY' AS ticker, i * 0.5 AS close FROM range(1000) t(i)) TO '{file}' (FORMAT parquet)"));
        Assert.True(File.Exists(file));
        Assert.Equal(249750.0, connection.ExecuteScalar<double>("SELECT sum(close) FROM read_parquet(?)", file));
    }
}
