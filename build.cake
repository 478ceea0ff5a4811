// Spx.Research batch runner (Cake.Tool 7.0.0). Tasks build and test the solution and run `spx` verbs
// as processes: Cake bundles its own Roslyn, so our assemblies are never #r'd here.
#load "build/testresults.cake"

var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");

var solution = File("./Spx.Research.sln");
var artifacts = Directory("./artifacts");
var testResults = artifacts + Directory("test-results");
var benchResults = artifacts + Directory("bench");
var spxDll = artifacts + File($"bin/Spx.Research.Cli/{configuration.ToLowerInvariant()}/spx.dll");

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
    .Description("Run every notebook under notebooks/ headlessly on the sample lake; executed .ipynb and HTML go to artifacts/notebooks")
    .IsDependentOn("Build")
    .Does(() => Spx($"notebook run notebooks --output \"{MakeAbsolute(artifacts + Directory("notebooks"))}\""));

Task("Default")
    .Description("The main job: the demo, then every notebook run on the sample lake (no API key)")
    .IsDependentOn("Demo")
    .IsDependentOn("Notebooks");

RunTarget(target);
