using Npgsql;
using Spx.Research.Lake;

namespace Spx.Research.Postgres.Tests;

/// <summary><c>spx export postgres</c> as a user runs it: the built process, a real server, and never the password on screen.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ExportVerbTests(PostgresServer server) : IDisposable
{
    private const string Password = "pw-never-shown-4f2a";
    private readonly ExportLake _lake = new();
    private readonly string _schema = PostgresServer.NewSchema();

    public void Dispose()
    {
        _lake.Dispose();
        server.DropSchema(_schema);
    }

    /// <summary>The server's DSN with a password in it (the CI role's real one; a throwaway trust server ignores it).</summary>
    private string DsnWithPassword
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(server.ConnectionString);
            builder.Password ??= Password;
            return builder.ConnectionString;
        }
    }

    private string SecretOf(string dsn) => new NpgsqlConnectionStringBuilder(dsn).Password!;

    private string[] Export(params string[] extra) =>
        ["export", "postgres", "--dataset", "stock_bars_1m", "--lake", _lake.Root, "--schema", _schema, "--format", "csv", .. extra];

    [Fact]
    public void Two_exports_print_the_same_rows_read_and_the_second_writes_nothing()
    {
        _lake.WriteBars(ExportLake.Day, 30);
        _lake.WriteBars(ExportLake.NextDay, 20);
        var environment = new Dictionary<string, string> { ["SPX_POSTGRES_DSN"] = DsnWithPassword };

        var first = Spx.Run(environment, Export());
        var second = Spx.Run(environment, Export());

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal("dataset,partitions,read,inserted,updated,unchanged\nstock_bars_1m,2,50,50,0,0\n", first.Output);
        Assert.Equal("dataset,partitions,read,inserted,updated,unchanged\nstock_bars_1m,2,50,0,0,50\n", second.Output);
        Assert.Equal($"stock_bars_1m/date=2025-03-03: read 30, inserted 0, updated 0", second.ErrorLines[1]);
        Assert.Equal(_lake.LakeRows("stock_bars_1m"), ExportLake.TableRows(server, _schema, "stock_bars_1m"));
        Assert.DoesNotContain(SecretOf(DsnWithPassword), first.Output + first.Error + second.Output + second.Error);
    }

    /// <summary>
    /// kill -9 in the middle of a partition, placed without timing: the test locks the table, waits until the
    /// export's session is blocked on that lock inside its transaction, and kills the process there.
    /// </summary>
    [Fact]
    public void An_export_killed_inside_a_partition_changes_nothing_and_a_rerun_completes()
    {
        _lake.WriteBars(ExportLake.Day, 30);
        Assert.Equal(0, Spx.Run(Export("--dsn", server.ConnectionString)).ExitCode);
        var before = ExportLake.TableRows(server, _schema, "stock_bars_1m");
        _lake.WriteBars(ExportLake.Day, 30, changedRow: 3);
        _lake.WriteBars(ExportLake.NextDay, 20);
        var dsn = new NpgsqlConnectionStringBuilder(server.ConnectionString) { ApplicationName = "spx-" + _schema }.ConnectionString;

        using (var holder = server.Connect())
        using (var hold = holder.BeginTransaction())
        {
            using (var lockTable = new NpgsqlCommand($"LOCK TABLE {_schema}.stock_bars_1m IN ACCESS EXCLUSIVE MODE", holder, hold)) lockTable.ExecuteNonQuery();
            using var export = System.Diagnostics.Process.Start(SpxStart(Export("--dsn", dsn)))!;
            var blocked = SpinWait.SpinUntil(() => export.HasExited || WaitsOnLock("spx-" + _schema), TimeSpan.FromMinutes(2));
            if (!blocked || export.HasExited) Assert.Fail("spx export never waited on the held table lock: " + export.StandardError.ReadToEnd());
            export.Kill();
            export.WaitForExit();
            hold.Rollback();
        }

        Assert.Equal(before, ExportLake.TableRows(server, _schema, "stock_bars_1m"));
        var rerun = Spx.Run(Export("--dsn", server.ConnectionString));
        Assert.Equal("dataset,partitions,read,inserted,updated,unchanged\nstock_bars_1m,2,50,20,1,29\n", rerun.Output);
        Assert.Equal(_lake.LakeRows("stock_bars_1m"), ExportLake.TableRows(server, _schema, "stock_bars_1m"));
    }

    private bool WaitsOnLock(string application)
    {
        using var connection = server.Connect();
        using var query = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = @a AND wait_event_type = 'Lock'", connection);
        query.Parameters.AddWithValue("a", application);
        return (long)query.ExecuteScalar()! > 0;
    }

    private static System.Diagnostics.ProcessStartInfo SpxStart(string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("SPX_POSTGRES_DSN");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "spx.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return start;
    }

    [Fact]
    public void An_unreachable_server_is_one_line_exit_1_without_the_password()
    {
        _lake.WriteBars(ExportLake.Day, 3);
        var dsn = $"Host=127.0.0.1;Port={ClosedPort()};Username=spx;Password={Password};Database=spx;Timeout=5";

        var run = Spx.Run(Export("--dsn", dsn));
        var verbose = Spx.Run(Export("--dsn", dsn, "--verbose"));

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("spx: error: cannot connect to PostgreSQL spx@127.0.0.1:", run.Error, StringComparison.Ordinal);
        Assert.Single(run.ErrorLines);
        Assert.Equal(1, verbose.ExitCode);
        Assert.Contains("Connection refused", verbose.Error, StringComparison.Ordinal); // the whole chain, stack traces included
        Assert.DoesNotContain(Password, run.Output + run.Error + verbose.Output + verbose.Error);
    }

    [Fact]
    public void A_table_that_differs_from_the_dataset_stops_the_export_naming_the_column()
    {
        _lake.WriteBars(ExportLake.Day, 3);
        using (var connection = server.Connect())
        using (var create = new NpgsqlCommand($"CREATE SCHEMA {_schema}; CREATE TABLE {_schema}.stock_bars_1m (ticker text, ts timestamptz, open text)", connection))
            create.ExecuteNonQuery();

        var run = Spx.Run(Export("--dsn", server.ConnectionString));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"spx: error: PostgreSQL table {_schema}.stock_bars_1m column 'open' is text; the dataset declares double precision", run.ErrorLines[^1]);
    }

    [Fact]
    public void A_damaged_partition_is_named_the_others_are_exported_and_the_exit_code_is_1()
    {
        _lake.WriteBars(ExportLake.Day, 30);
        _lake.WriteBars(ExportLake.NextDay, 20);
        var damaged = _lake.Layout.PartitionFiles("stock_bars_1m", ExportLake.Day).Single();
        File.WriteAllBytes(damaged, File.ReadAllBytes(damaged)[..100]);

        var run = Spx.Run(Export("--dsn", server.ConnectionString));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.ErrorLines, line => line.StartsWith("spx: warning: ", StringComparison.Ordinal) && line.Contains("date=2025-03-03", StringComparison.Ordinal));
        Assert.Equal(_lake.LakeRows("stock_bars_1m", ExportLake.NextDay), ExportLake.TableRows(server, _schema, "stock_bars_1m"));
    }

    /// <summary>Usage errors: exit 2, one line, and a DSN is never repeated back.</summary>
    [Theory]
    [InlineData("--dsn", "postgresql://spx:pw-never-shown-4f2a@localhost/spx", "spx: --dsn: the PostgreSQL DSN is a URL: expected Npgsql keywords")]
    [InlineData("--dsn", "Host=localhost;Pasword=pw-never-shown-4f2a", "spx: --dsn: the PostgreSQL DSN is not a connection string")]
    [InlineData("--dataset", "no_such", "spx: --dataset 'no_such' is not a lake dataset: expected one of stock_bars_1s, stock_bars_1m")]
    [InlineData("--from", "2025-03-05", "spx: --to 2025-03-04 is before --from 2025-03-05")]
    public void A_bad_request_is_a_usage_error(string option, string value, string expected)
    {
        string[] args = option == "--dataset"
            ? ["export", "postgres", "--dataset", value, "--lake", _lake.Root, "--dsn", "Host=localhost"]
            : option == "--from"
                ? ["export", "postgres", "--dataset", "stock_bars_1m", "--from", value, "--to", "2025-03-04", "--dsn", "Host=localhost"]
                : ["export", "postgres", "--dataset", "stock_bars_1m", "--lake", _lake.Root, option, value];

        var run = Spx.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.StartsWith(expected, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, run.Error);
    }

    [Fact]
    public void No_DSN_anywhere_is_a_usage_error_that_says_where_one_goes()
    {
        var run = Spx.Run(["export", "postgres", "--dataset", "stock_bars_1m", "--lake", _lake.Root]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("spx: no PostgreSQL DSN: give --dsn, set $SPX_POSTGRES_DSN, or set postgres.dsn in the configuration\n", run.Error);
    }

    [Fact]
    public void A_password_in_the_configuration_file_is_refused_without_showing_it()
    {
        var config = Path.Combine(_lake.Root, "spx.yaml");
        File.WriteAllText(config, $"postgres:\n  dsn: Host=localhost;Username=spx;Password={Password}\n");

        var run = Spx.Run(["export", "postgres", "--dataset", "stock_bars_1m", "--lake", _lake.Root, "--config", config]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"spx: error: {config}:2: postgres.dsn: carries a password (value not shown): put it in PGPASSWORD or ~/.pgpass, or the whole DSN in SPX_POSTGRES_DSN\n", run.Error);
    }

    [Fact]
    public void The_configured_DSN_and_schema_are_used_when_no_flag_or_variable_says_otherwise()
    {
        _lake.WriteBars(ExportLake.Day, 4);
        var builder = new NpgsqlConnectionStringBuilder(server.ConnectionString);
        var password = builder.Password;
        builder.Password = null;
        var config = Path.Combine(_lake.Root, "spx.yaml");
        File.WriteAllText(config, $"lake:\n  path: {_lake.Root}\npostgres:\n  dsn: {builder.ConnectionString}\n  schema: {_schema}\n");
        var environment = password is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["PGPASSWORD"] = password };

        var run = Spx.Run(environment, ["export", "postgres", "--dataset", "stock_bars_1m", "--config", config, "--format", "csv"]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(4, ExportLake.TableRows(server, _schema, "stock_bars_1m").Length);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
