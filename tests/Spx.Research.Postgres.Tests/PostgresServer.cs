using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Spx.Research.Postgres.Tests;

/// <summary>
/// A real PostgreSQL for the tests: the one named by <c>SPX_TEST_POSTGRES</c> (what .ci/run starts), else a
/// throwaway cluster made with the machine's <c>initdb</c> in a temp folder on a free loopback port (run as the
/// <c>postgres</c> user when the tests run as root), stopped and deleted afterwards. No server at all is a
/// failure that says how to get one, never a silent skip.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    public const string Variable = "SPX_TEST_POSTGRES";
    private readonly string? _dataFolder;

    public PostgresServer()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            ConnectionString = given;
            return;
        }
        _dataFolder = Directory.CreateTempSubdirectory("spx-pg-").FullName;
        ConnectionString = StartThrowaway(_dataFolder);
    }

    /// <summary>Connection string of a role that may create schemas in its database.</summary>
    public string ConnectionString { get; }

    /// <summary>A fresh schema name for one test, so tests never see each other's tables.</summary>
    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Drops a test's schema and its tables (the CI server outlives the run).</summary>
    public void DropSchema(string schema)
    {
        using var connection = Connect();
        using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
        drop.ExecuteNonQuery();
    }

    public NpgsqlConnection Connect()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        if (_dataFolder is null) return;
        try
        {
            Run(PgBin("pg_ctl"), ["-D", Path.Combine(_dataFolder, "data"), "-m", "immediate", "stop"]);
        }
        finally
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    private static string StartThrowaway(string folder)
    {
        var data = Path.Combine(folder, "data");
        if (IsRoot()) Run("chown", ["-R", "postgres:postgres", folder]);
        Run(PgBin("initdb"), ["-D", data, "-U", "spx_test", "--auth=trust", "-E", "UTF8", "--no-sync"]);
        var port = FreePort();
        Run(PgBin("pg_ctl"), ["-D", data, "-w", "-l", Path.Combine(folder, "server.log"), "-o",
            $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start"]);
        return $"Host=127.0.0.1;Port={port};Username=spx_test;Database=postgres";
    }

    /// <summary>A PostgreSQL program: on PATH, else the newest under /usr/lib/postgresql (Debian's layout).</summary>
    private static string PgBin(string program)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => Version.TryParse(Path.GetFileName(d) + ".0", out var v) ? v : new Version())
                .Select(d => Path.Combine(d, "bin", program)).FirstOrDefault(File.Exists)
            : null;
        return onPath ?? debian ?? throw new InvalidOperationException(
            $"no PostgreSQL server for the tests: set {Variable} to a connection string (.ci/postgres starts one and prints it), or install postgresql (apt-get install -y postgresql) so the tests can run initdb");
    }

    private static void Run(string program, string[] args)
    {
        var start = new ProcessStartInfo(IsRoot() && program != "chown" ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (IsRoot() && program != "chown") foreach (var a in new[] { "-u", "postgres", "--", program }) start.ArgumentList.Add(a);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', args)} failed ({process.ExitCode}): {error.Result}{output.Result}");
    }

    private static bool IsRoot() => Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Every test class that needs the server is in this collection: one server for the run.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
