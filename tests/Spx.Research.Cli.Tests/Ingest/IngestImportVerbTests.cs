using DuckDB.NET.Data;
using Spx.Research.Lake;

namespace Spx.Research.Cli.Tests.Ingest;

/// <summary>
/// <c>spx ingest import</c> on real files into a temp lake: what was stored, what was quarantined and why, what was a
/// duplicate; damaged and missing files; mappings from a real spx.yaml (docs/data-quality.md).
/// </summary>
public sealed class IngestImportVerbTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("spx-cli-import-").FullName;

    private string Lake => Path.Combine(_root, "lake");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_file_with_bad_rows_stores_the_good_ones_and_quarantines_the_rest_with_reasons()
    {
        var file = Write("bars.csv", """
            ticker,ts,open,high,low,close,volume
            SPY,2025-03-03 09:30:00,580.1,581.0,579.5,580.5,1000
            SPY,2025-03-03 09:31:00,580.5,581.2,580.0,581.0,1200
            SPY,2025-03-03 09:31:00,580.5,581.2,580.0,581.0,1200
            SPY,2025-03-03 09:32:00,580.5,579.0,581.0,580.7,900
            SPY,2025-03-03 09:33:00,abc,581.0,579.5,580.5,100
            SPY,2025-03-03 09:34:00,580.1,581.0,579.5,,100
            SPY,2025-03-03 09:35:00,580.1,581.0,579.5,580.5,-5
            SPY,yesterday,580.1,581.0,579.5,580.5,5
            SPY,2025-03-04 10:00:00,580.1,581.0,579.5,580.5,5
            """);

        var run = Spx("ingest", "import", file, "--dataset", "stock_bars_1m", "--lake", Lake);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal($"{file}: 9 rows: stored 3, quarantined 5, duplicates 1 (2 partitions 2025-03-03..2025-03-04)", run.OutputLines[0]);
        Assert.Equal(
            [
                "  quarantined 1: close is NULL",
                "  quarantined 1: high 579.0 is below low 581.0; open 580.5 is outside [low 581.0, high 579.0]; close 580.7 is outside [low 581.0, high 579.0]",
                "  quarantined 1: open: abc (VARCHAR) does not convert to DOUBLE without loss",
                "  quarantined 1: ts: 'yesterday' is not a timestamp",
                "  quarantined 1: volume -5.0 is negative",
            ],
            run.OutputLines[1..]);
        Assert.Equal(["2025-03-03T14:30:00Z", "2025-03-03T14:31:00Z", "2025-03-04T15:00:00Z"], Column("select strftime(timezone('UTC', ts), '%Y-%m-%dT%H:%M:%SZ') from stock_bars_1m order by ts"));
        Assert.Equal("5", Column("select count(*) from quarantine.stock_bars_1m")[0]);

        var again = Spx("ingest", "import", file, "--dataset", "stock_bars_1m", "--lake", Lake);
        Assert.StartsWith($"{file}: 9 rows: stored 0, quarantined 5, duplicates 4 ", again.OutputLines[0], StringComparison.Ordinal);
        Assert.Equal("3", Column("select count(*) from stock_bars_1m")[0]);
        Assert.Equal("5", Column("select count(*) from quarantine.stock_bars_1m")[0]);
    }

    [Fact]
    public void A_truncated_parquet_file_is_one_error_line_and_the_other_files_still_import()
    {
        var good = Write("good.csv", "ticker,ts,open,high,low,close,volume\nSPY,2025-03-03 09:30:00,1,2,0.5,1.5,10\n");
        var parquet = Path.Combine(_root, "bars.parquet");
        using (var duck = new DuckDBConnection("Data Source=:memory:"))
        {
            duck.Open();
            duck.ExecuteNonQuery($"COPY (SELECT 'SPY' AS ticker, TIMESTAMP '2025-03-03 10:00:00' + to_minutes(i) AS ts, 1.0 AS open, 2.0 AS high, 0.5 AS low, 1.5 AS close, 10.0 AS volume FROM range(500) r(i)) TO {SqlText.Literal(parquet)} (FORMAT parquet)");
        }
        var bytes = File.ReadAllBytes(parquet);
        File.WriteAllBytes(parquet, bytes[..(bytes.Length / 2)]);

        var run = Spx("ingest", "import", parquet, good, "--dataset", "stock_bars_1m", "--lake", Lake);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"spx: error: {parquet}: not a readable Parquet file (", error, StringComparison.Ordinal);
        Assert.EndsWith("; nothing imported from it", error, StringComparison.Ordinal);
        Assert.StartsWith($"{good}: 1 rows: stored 1, quarantined 0, duplicates 0", run.OutputLines[0], StringComparison.Ordinal);
        Assert.Equal("1", Column("select count(*) from stock_bars_1m")[0]);
    }

    [Fact]
    public void A_missing_file_is_one_line_exit_1_and_nothing_is_imported()
    {
        var good = Write("good.csv", "ticker,ts,open,high,low,close,volume\nSPY,2025-03-03 09:30:00,1,2,0.5,1.5,10\n");
        var missing = Path.Combine(_root, "nope.csv");

        var run = Spx("ingest", "import", good, missing, "--dataset", "stock_bars_1m", "--lake", Lake);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"spx: error: no file at {missing}; nothing imported", Assert.Single(run.ErrorLines));
        Assert.False(Directory.Exists(Lake));
    }

    [Fact]
    public void A_mapping_renames_columns_and_reads_naive_times_in_its_zone()
    {
        var config = Write("spx.yaml", """
            ingest:
              import:
                mappings:
                  vendor:
                    dataset: option_bars_1m
                    columns: { Symbol: ticker, Root: underlying, Exp: expiry, CP: option_right, K: strike, Time: ts, O: open, H: high, L: low, C: close, V: volume }
                    timezone: Europe/London
            """);
        var file = Write("vendor.csv", """
            Symbol,Root,Exp,CP,K,Time,O,H,L,C,V,Venue
            O:SPY250303C00580000,SPY,2025-03-03,C,580,2025-03-03 14:30:00,1.0,1.2,0.9,1.1,7,X
            O:SPY250303C00580000,SPY,2025-03-03,C,580,2025-03-03T09:31:00-05:00,1.0,1.2,0.9,1.1,8,X
            """);

        var run = Spx("ingest", "import", file, "--mapping", "vendor", "--lake", Lake, "--config", config);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal($"{file}: 2 rows: stored 2, quarantined 0, duplicates 0 (2025-03-03)", run.OutputLines[0]);
        Assert.Equal("  ignored columns: Venue", run.OutputLines[1]);
        // 14:30 in London (GMT in March) is 14:30 UTC; 09:31-05:00 is 14:31 UTC.
        Assert.Equal(["2025-03-03T14:30:00Z 7", "2025-03-03T14:31:00Z 8"],
            Column("select strftime(timezone('UTC', ts), '%Y-%m-%dT%H:%M:%SZ') || ' ' || volume from option_bars_1m order by ts"));
    }

    [Fact]
    public void Option_bars_with_only_a_ticker_get_their_contract_terms_from_it()
    {
        var file = Write("options.csv", """
            ticker,ts,open,high,low,close,volume
            O:SPXW250303P05800000,2025-03-03 09:30:00,1.0,1.2,0.9,1.1,7
            O:SPY1250307C00580500,2025-03-03 09:30:00,1.0,1.2,0.9,1.1,8
            SPY,2025-03-03 09:31:00,1.0,1.2,0.9,1.1,9
            """);

        var run = Spx("ingest", "import", file, "--dataset", "option_bars_1m", "--lake", Lake);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal($"{file}: 3 rows: stored 2, quarantined 1, duplicates 0 (2025-03-03)", run.OutputLines[0]);
        Assert.Equal("  quarantined 1: underlying is NULL; expiry is NULL; option_right is NULL; strike is NULL", run.OutputLines[1]);
        Assert.Equal(["O:SPXW250303P05800000 SPX 2025-03-03 P 5800.0", "O:SPY1250307C00580500 SPY1 2025-03-07 C 580.5"],
            Column("select ticker || ' ' || underlying || ' ' || expiry || ' ' || option_right || ' ' || strike from option_bars_1m order by ticker"));
    }

    [Fact]
    public void A_mapping_naming_a_column_the_file_lacks_is_a_usage_error_naming_it()
    {
        var config = Write("spx.yaml", "ingest:\n  import:\n    mappings:\n      vendor:\n        dataset: stock_bars_1m\n        columns: { Sym: ticker }\n");
        var file = Write("bars.csv", "ticker,ts,open,high,low,close,volume\nSPY,2025-03-03 09:30:00,1,2,0.5,1.5,10\n");

        var run = Spx("ingest", "import", file, "--mapping", "vendor", "--lake", Lake, "--config", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"spx: the mapping names column 'Sym', which {file} does not have (it has ticker, ts, open, high, low, close, volume)", Assert.Single(run.ErrorLines));
        Assert.False(Directory.Exists(Path.Combine(Lake, "stock_bars_1m")));
    }

    [Fact]
    public void A_mapping_with_an_unknown_time_zone_is_a_usage_error_naming_it()
    {
        var config = Write("spx.yaml", "ingest:\n  import:\n    mappings:\n      vendor:\n        dataset: stock_bars_1m\n        timezone: Mars/Olympus\n");
        var file = Write("bars.csv", "ticker,ts,open,high,low,close,volume\nSPY,2025-03-03 09:30:00,1,2,0.5,1.5,10\n");

        var run = Spx("ingest", "import", file, "--mapping", "vendor", "--lake", Lake, "--config", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("spx: the mapping's timezone 'Mars/Olympus' is not a time zone name (IANA, e.g. America/New_York)", Assert.Single(run.ErrorLines));
    }

    // args after the file, expected error
    [Theory]
    [InlineData(new[] { "--mapping", "nope" }, "spx: no mapping 'nope' in ingest.import.mappings (none configured)")]
    [InlineData(new[] { "--dataset", "bars" }, "spx: unknown dataset 'bars'; known: ")]
    [InlineData(new string[0], "spx: --dataset is required (or a --mapping with a dataset)")]
    public void Naming_what_does_not_exist_is_a_usage_error(string[] args, string expected)
    {
        var file = Write("bars.csv", "ticker\nSPY\n");
        var run = Spx(["ingest", "import", file, "--lake", Lake, .. args]);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(expected, Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_a_required_column_is_one_error_line_naming_it()
    {
        var file = Write("bars.csv", "ticker,ts,open,high,low,volume\nSPY,2025-03-03 09:30:00,1,2,0.5,10\n");
        var run = Spx("ingest", "import", file, "--dataset", "stock_bars_1m", "--lake", Lake);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"spx: error: {file} has no column for stock_bars_1m.close (required; map one of its columns with --mapping); nothing imported from it", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Csv_lines_that_do_not_parse_are_quarantined_with_their_line_number()
    {
        var file = Write("ragged.csv", "ticker,ts,open,high,low,close,volume\nSPY,2025-03-03 09:30:00,1,2,0.5,1.5,10\nSPY,2025-03-03 09:31:00,1,2\n");
        var run = Spx("ingest", "import", file, "--dataset", "stock_bars_1m", "--lake", Lake);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith($"{file}: 2 rows: stored 1, quarantined 1, duplicates 0", run.OutputLines[0], StringComparison.Ordinal);
        Assert.StartsWith("  quarantined 1: line 3: ", run.OutputLines[1], StringComparison.Ordinal);
    }

    private CliRun Spx(params string[] args) => CliRun.Process(_root, new Dictionary<string, string>(), args);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, text.Replace("\r\n", "\n") + "\n");
        return path;
    }

    private string[] Column(string sql)
    {
        var run = CliRun.Of("sql", sql, "--lake", Lake, "--format", "csv");
        Assert.True(run.ExitCode == 0, run.Error);
        return run.OutputLines[1..];
    }
}
