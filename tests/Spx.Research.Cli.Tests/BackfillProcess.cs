using System.Diagnostics;
using DuckDB.NET.Data;
using Spx.Research.Lake;
using Spx.Research.Simulator;
using Spx.Research.Simulator.Faults;

namespace Spx.Research.Cli.Tests;

/// <summary>
/// The built <c>spx ingest backfill</c> as a separate process against an in-process simulator on loopback
/// (the sample lake, <c>--plan unlimited</c>), and the row-for-row comparison of two lakes.
/// </summary>
internal static class BackfillProcess
{
    public const string Key = SimulatorOptions.DefaultApiKey;

    /// <summary>Three sessions and the sources that exercise every write path (options bring minutes and contracts).</summary>
    public static string[] Args(Uri baseUri, string lake, params string[] more) =>
    [
        "ingest", "backfill", "--from", "2025-03-03", "--to", "2025-03-05", "--sources", "seconds,vix,news,options",
        "--plan", "unlimited", "--base-url", baseUri.ToString(), "--lake", lake, "--format", "csv", .. more,
    ];

    /// <summary>Datasets the backfill of <see cref="Args"/> writes.</summary>
    public static readonly string[] Datasets = ["stock_bars_1s", "stock_bars_1m", "index_bars_1m", "news", "option_contracts", "option_selection", "option_bars_1m"];

    public static PolygonSimulator Simulator(FaultPlan? faults = null) => new(new SimulatorOptions
    {
        LakeRoot = Synthetic.SampleLake.Find(AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException("data-samples/lake not found"),
        Speed = ReplaySpeed.Max,
        Faults = faults ?? FaultPlan.None,
    });

    /// <summary>Starts spx with the simulator's key in the environment; stdout and stderr are collected.</summary>
    public static (Process Process, Func<string> Error) Start(IEnumerable<string> args, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        start.Environment["MASSIVE_API_KEY"] = Key;
        start.Environment.Remove("SPX_CONFIG");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "spx.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start spx");
        var error = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (error) error.AppendLine(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return (process, () => { lock (error) return error.ToString(); });
    }

    /// <summary>Runs spx to the end.</summary>
    public static (int ExitCode, string Error) Run(IEnumerable<string> args, string? workingDirectory = null)
    {
        var (process, error) = Start(args, workingDirectory);
        using (process)
        {
            if (!process.WaitForExit(TimeSpan.FromMinutes(5))) { process.Kill(); Assert.Fail("spx ingest backfill did not finish: " + error()); }
            process.WaitForExit();
            return (process.ExitCode, error());
        }
    }

    /// <summary>Rows of <paramref name="dataset"/> in one lake and not the other, both ways, duplicates counted (EXCEPT ALL).</summary>
    public static (long Rows, long OnlyLeft, long OnlyRight) Compare(string left, string right, string dataset)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var l = Read(left, dataset);
        var r = Read(right, dataset);
        return (connection.ExecuteScalar<long>($"SELECT count(*) FROM {l}"),
            connection.ExecuteScalar<long>($"SELECT count(*) FROM (SELECT * FROM {l} EXCEPT ALL SELECT * FROM {r})"),
            connection.ExecuteScalar<long>($"SELECT count(*) FROM (SELECT * FROM {r} EXCEPT ALL SELECT * FROM {l})"));
    }

    private static string Read(string lake, string dataset) =>
        $"read_parquet({SqlText.Literal(Path.Combine(lake, dataset, "*", "*.parquet"))}, hive_partitioning = true, union_by_name = true)";
}
