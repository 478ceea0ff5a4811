// Spx.Research batch runner (Cake.Tool 7.0.0). Tasks build and test the solution and run `spx` verbs
// as processes: Cake bundles its own Roslyn, so our assemblies are never #r'd here.
#load "build/testresults.cake"
#load "build/runartifacts.cake"
#load "build/dailyrun.cake"

var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");

var solution = File("./Spx.Research.sln");
var artifacts = Directory("./artifacts");
var testResults = artifacts + Directory("test-results");
var benchResults = artifacts + Directory("bench");
var spxDll = artifacts + File($"bin/Spx.Research.Cli/{configuration.ToLowerInvariant()}/spx.dll");

// The daily run (docs/notebooks-and-cake.md, "The daily run"): ingest → consolidate → scan → report → notebooks → index
// and manifest. Without --lake the run's lake is artifacts/lake, a fresh copy of the sample lake; Daily uses the configured one.
var run = DailyRun.Resolve(Context, target, artifacts, spxDll);

void Spx(string arguments)
{
    Information($"spx {arguments}");
    var exitCode = StartProcess("dotnet", new ProcessSettings { Arguments = $"\"{spxDll}\" {arguments}" });
    if (exitCode != 0) throw new CakeException($"'spx {arguments}' failed with exit code {exitCode}");
}

Task("Clean")
    .Description("Remove build output, test results and benchmark results")
    .Does(() => CleanDirectory(artifacts));

Task("Restore")
    .Description("Restore NuGet packages (DuckDB comes with DuckDB.NET.Data.Full) and plotly.js (npm ci)")
    .Does(() =>
{
    // npm records what it installed in node_modules/.package-lock.json; reinstall when the lockfile is newer.
    var installed = new System.IO.FileInfo("./node_modules/.package-lock.json");
    if (!installed.Exists || installed.LastWriteTimeUtc < new System.IO.FileInfo("./package-lock.json").LastWriteTimeUtc)
    {
        var exitCode = StartProcess("npm", new ProcessSettings { Arguments = "ci --no-audit --no-fund" });
        if (exitCode != 0) throw new CakeException($"npm ci failed with exit code {exitCode}");
    }
    DotNetRestore(solution);
});

Task("Build")
    .Description("Build the solution")
    .IsDependentOn("Restore")
    .Does(() => DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration, NoRestore = true }));

Task("Test")
    .Description("Run every test project; writes TRX files and summary.txt to artifacts/test-results")
    .IsDependentOn("Build")
    .Does(() =>
{
    CleanDirectory(testResults);
    Exception failure = null;
    try
    {
        DotNetTest(solution, new DotNetTestSettings
        {
            Configuration = configuration,
            NoBuild = true,
            NoRestore = true,
            ResultsDirectory = testResults,
            Loggers = new[] { "trx", "console;verbosity=normal" },
        });
    }
    catch (Exception e) { failure = e; }

    var summary = TestSummary.FromTrxFiles(GetFiles($"{testResults}/*.trx").Select(f => f.FullPath));
    System.IO.File.WriteAllText($"{testResults}/summary.txt", summary.Line + "\n");
    Information(summary.Line);
    if (failure != null || summary.Failed > 0 || summary.Total == 0)
        throw new CakeException($"tests failed: {summary.Line}", failure);
});

Task("Bench")
    .Description("Run the BenchmarkDotNet suite; markdown tables go to artifacts/bench")
    .IsDependentOn("Build")
    .Does(() =>
{
    EnsureDirectoryExists(benchResults);
    var dll = artifacts + File($"bin/Spx.Research.Benchmarks/{configuration.ToLowerInvariant()}/Spx.Research.Benchmarks.dll");
    var filter = Argument("filter", "*");
    var exitCode = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = $"\"{dll}\" --filter \"{filter}\" --artifacts \"{MakeAbsolute(benchResults)}\"",
    });
    if (exitCode != 0) throw new CakeException($"benchmarks failed with exit code {exitCode}");
    // BenchmarkDotNet writes its tables to results/; keep them at the top of artifacts/bench.
    CopyFiles(GetFiles($"{benchResults}/results/*-report-github.md"), benchResults);
    Information($"benchmark tables: {MakeAbsolute(benchResults)}");
});

Task("Samples")
    .Description("Regenerate the bundled sample lake (data-samples/lake) byte for byte")
    .IsDependentOn("Build")
    .Does(() => Spx("samples --output data-samples/lake"));

Task("Demo")
    .Description("Show the workspace working with no API key: sessions, SQL, the sample lake's contents")
    .IsDependentOn("Build")
    .Does(() =>
{
    Spx("calendar --from 2026-11-23 --to 2026-12-04");
    Spx("sql \"select 42 as answer, version() as duckdb\"");
    Spx("lake info --lake data-samples/lake");
});

Task("Notebooks")
    .Description("Run every notebook under notebooks/ headlessly on the run's lake (reproducibly); executed .ipynb and HTML go to artifacts/notebooks, which then holds only this run's")
    .IsDependentOn("Build")
    .IsDependentOn("Lake")
    .Does(() => Spx($"notebook run notebooks --reproducible -p \"lakePath={run.Lake}\" --output \"{MakeAbsolute(artifacts + Directory("notebooks"))}\""));

Task("Lake")
    .Description("The run's lake: without --lake (and for every target but Daily) a fresh copy of data-samples/lake in artifacts/lake")
    .IsDependentOn("Build")
    .Does(() => run.PrepareLake(Context));

Task("Ingest")
    .Description("spx ingest backfill of --from..--to (default: today in New York) into the run's lake; skipped, in one line, when no API key is configured")
    .IsDependentOn("Lake")
    .Does(() => run.Ingest(Context));

Task("Consolidate")
    .Description("spx consolidate over the run's lake (option_minutes)")
    .IsDependentOn("Lake")
    .Does(() => run.Consolidate(Context));

Task("Scan")
    .Description("spx scan momentum over the run's lake (momentum_events); the summary JSON goes to artifacts/reports")
    .IsDependentOn("Lake")
    .Does(() => run.Scan(Context));

Task("Report")
    .Description("spx report: the scanner report page, artifacts/reports/scanner-report.html")
    .IsDependentOn("Lake")
    .Does(() => run.Report(Context));

Task("Index")
    .Description("artifacts/index.html linking every report and notebook, and artifacts/manifest.json (commit, parameters, partitions, output hashes)")
    .Does(() => run.WriteIndexAndManifest(Context));

Task("Daily")
    .Description("The scheduled run on the configured lake: ingest, consolidate, scan, report, notebooks, index and manifest")
    .IsDependentOn("Ingest")
    .IsDependentOn("Consolidate")
    .IsDependentOn("Scan")
    .IsDependentOn("Report")
    .IsDependentOn("Notebooks")
    .IsDependentOn("Index");

Task("Default")
    .Description("The main job on the sample lake (no API key): the demo, then consolidate, scan, report, notebooks, index and manifest")
    .IsDependentOn("Demo")
    .IsDependentOn("Consolidate")
    .IsDependentOn("Scan")
    .IsDependentOn("Report")
    .IsDependentOn("Notebooks")
    .IsDependentOn("Index");

RunTarget(target);
