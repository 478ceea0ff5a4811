using System.Text.Json;

namespace Spx.Research.Cli.Tests;

public sealed class SqlVerbTests : IDisposable
{
    private readonly string _emptyDir = Directory.CreateTempSubdirectory("spx-cli-").FullName;

    public void Dispose() => Directory.Delete(_emptyDir, recursive: true);

    [Fact]
    public void Select_42_works_with_no_lake_present()
    {
        var missingLake = Path.Combine(_emptyDir, "no-lake-here");

        var run = CliRun.Of("sql", "select 42 as answer", "--lake", missingLake, "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["answer", "42"], run.OutputLines);
        Assert.False(Directory.Exists(missingLake), "a query must not create the lake folder");
    }

    [Fact]
    public void Csv_quotes_commas_quotes_and_newlines_and_leaves_null_empty()
    {
        var run = CliRun.Of("sql", "select 'a,b' as s, 'say \"hi\"' as q, NULL::INTEGER as n", "--lake", _emptyDir, "--format", "csv");

        Assert.Equal(["s,q,n", "\"a,b\",\"say \"\"hi\"\"\","], run.OutputLines);
    }

    [Fact]
    public void Json_keeps_numbers_booleans_lists_nulls_and_instants()
    {
        var run = CliRun.Of("sql",
            "select 1.5::DOUBLE as d, 7::BIGINT as i, true as b, [1,2,3] as l, NULL as n, TIMESTAMPTZ '2025-03-10 13:30:00+00' as ts, DATE '2025-03-10' as day",
            "--lake", _emptyDir, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var row = Assert.Single(JsonDocument.Parse(run.Output).RootElement.EnumerateArray());
        Assert.Equal(1.5, row.GetProperty("d").GetDouble());
        Assert.Equal(7, row.GetProperty("i").GetInt64());
        Assert.True(row.GetProperty("b").GetBoolean());
        Assert.Equal([1, 2, 3], row.GetProperty("l").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(JsonValueKind.Null, row.GetProperty("n").ValueKind);
        Assert.Equal("2025-03-10T13:30:00Z", row.GetProperty("ts").GetString());
        Assert.Equal("2025-03-10", row.GetProperty("day").GetString());
    }

    [Fact]
    public void A_sql_error_is_one_line_with_duckdbs_message_and_exit_1()
    {
        var run = CliRun.Of("sql", "select * from no_such_table", "--lake", _emptyDir);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("spx: error: ", line);
        Assert.Contains("no_such_table", line);
        Assert.DoesNotContain(" at ", line); // no stack trace without --verbose
    }

    [Fact]
    public void Verbose_adds_the_stack_trace()
    {
        var run = CliRun.Of("sql", "select * from no_such_table", "--lake", _emptyDir, "--verbose");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(" at ", run.Error);
    }

    [Fact]
    public void An_empty_query_is_a_usage_error()
    {
        var run = CliRun.Of("sql", "  ", "--lake", _emptyDir);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("query is empty", run.Error);
    }
}

/// <summary>A query on a dataset where there is no lake fails naming the path (issue 9, defect 7.2).</summary>
public sealed class SqlWithoutALakeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("spx-cli-nolake-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("select count(*) from stock_bars_1m")]
    [InlineData("select * from index_bars_1m where date = DATE '2025-03-03'")]
    [InlineData("select date, count(*) from option_bars_1m group by all")]
    public void A_dataset_query_on_a_missing_folder_says_there_is_no_lake_and_exits_1(string sql)
    {
        var missing = Path.Combine(_dir, "no-lake-here");

        var run = CliRun.Of("sql", sql, "--lake", missing);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"spx: error: no lake at {missing} (no such folder)", line);
        Assert.Equal("", run.Output);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public void A_lake_option_naming_a_file_says_so_and_exits_1()
    {
        var file = Path.Combine(_dir, "lake.parquet");
        File.WriteAllText(file, "x");

        var run = CliRun.Of("sql", "select count(*) from stock_bars_1m", "--lake", file);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"spx: error: no lake at {file} (a file, not a folder)", run.Error);
    }
}
