// The daily run's steps as spx processes (docs/notebooks-and-cake.md, "The daily run"). Cake never #r's our
// assemblies (its Roslyn differs), so every step is `dotnet spx.dll …`, and a non-zero exit code stops the run.
public sealed class DailyRun
{
    private const string SampleLake = "data-samples/lake";
    private SortedDictionary<string, string> _inputs = new SortedDictionary<string, string>(StringComparer.Ordinal);

    public string Target { get; private set; }
    public string Artifacts { get; private set; }
    public string SpxDll { get; private set; }
    /// <summary>Absolute path of the lake the run reads and writes; known once <see cref="PrepareLake"/> ran.</summary>
    public string Lake { get; private set; }
    public string GivenLake { get; private set; }
    public string From { get; private set; }
    public string To { get; private set; }
    public string Threshold { get; private set; }
    public string Session { get; private set; }

    /// <summary>True when the run works on a fresh copy of the sample lake (every target but Daily, without --lake).</summary>
    public bool OnSampleCopy => GivenLake == "" && Target != "Daily";

    public string Reports => System.IO.Path.Combine(Artifacts, "reports");

    public static DailyRun Resolve(ICakeContext context, string target, ConvertableDirectoryPath artifacts, ConvertableFilePath spxDll) => new DailyRun
    {
        Target = target,
        Artifacts = context.MakeAbsolute(artifacts.Path).FullPath,
        SpxDll = context.MakeAbsolute(spxDll.Path).FullPath,
        GivenLake = context.Argument("lake", ""),
        From = context.Argument("from", ""),
        To = context.Argument("to", ""),
        Threshold = context.Argument("threshold", ""),
        Session = context.Argument("session", ""),
    };

    /// <summary>Fixes the run's lake (a fresh sample copy, --lake, or the configured lake) and records its partitions as the inputs.</summary>
    public void PrepareLake(ICakeContext context)
    {
        if (OnSampleCopy)
        {
            Lake = System.IO.Path.Combine(Artifacts, "lake");
            if (context.DirectoryExists(Lake)) context.DeleteDirectory(Lake, new DeleteDirectorySettings { Recursive = true, Force = true });
            context.CopyDirectory(SampleLake, Lake);
        }
        else
        {
            Lake = context.MakeAbsolute(context.Directory(GivenLake != "" ? GivenLake : ConfiguredLake(context))).FullPath;
        }
        _inputs = RunManifest.Partitions(Lake);
        context.Information($"lake: {Lake} ({_inputs.Count} partition files{(OnSampleCopy ? ", a fresh copy of " + SampleLake : "")})");
    }

    /// <summary>spx ingest backfill of --from..--to (default: today's New York date); one line and nothing else without an API key.</summary>
    public void Ingest(ICakeContext context)
    {
        if (SpxLines(context, "config show").Any(line => line.StartsWith("# api key: not set")))
        {
            context.Information("ingest skipped: no API key configured (MASSIVE_API_KEY, POLYGON_API_KEY or api.key in spx.yaml)");
            return;
        }
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).ToString("yyyy-MM-dd");
        Spx(context, $"ingest backfill --from {Or(From, today)} --to {Or(To, today)} --lake \"{Lake}\"");
    }

    /// <summary>
    /// spx consolidate over the range (default: every date with option bars). Until the verb is in this build the step
    /// says so in one line and the report shows the surface as missing: wiring it is this one call.
    /// </summary>
    public void Consolidate(ICakeContext context)
    {
        if (!HasVerb(context, "consolidate"))
        {
            context.Information("consolidate skipped: this build of spx has no 'consolidate' verb yet");
            return;
        }
        var range = SpxLines(context, $"sql \"select min(date), max(date) from option_bars_1m\" --lake \"{Lake}\" --format csv").Skip(1).FirstOrDefault() ?? ",";
        var bounds = range.Split(',');
        if (bounds[0] == "") { context.Information("consolidate skipped: no option bars in the lake"); return; }
        Spx(context, $"consolidate --from {Or(From, bounds[0])} --to {Or(To, bounds[1])} --lake \"{Lake}\"");
    }

    /// <summary>spx scan momentum into momentum_events; its JSON summary becomes reports/scan-momentum.json.</summary>
    public void Scan(ICakeContext context)
    {
        context.EnsureDirectoryExists(Reports);
        context.Information("spx scan momentum (summary JSON: reports/scan-momentum.json)");
        var json = SpxLines(context, $"scan momentum --lake \"{Lake}\" --format json{RangeArguments()}{Flag("--threshold", Threshold)}");
        System.IO.File.WriteAllText(System.IO.Path.Combine(Reports, "scan-momentum.json"), string.Join("\n", json) + "\n");
    }

    /// <summary>spx report: reports/scanner-report.html.</summary>
    public void Report(ICakeContext context)
    {
        context.EnsureDirectoryExists(Reports);
        var page = System.IO.Path.Combine(Reports, "scanner-report.html");
        Spx(context, $"report --lake \"{Lake}\" --output \"{page}\"{RangeArguments()}{Flag("--threshold", Threshold)}{Flag("--session", Session)}");
    }

    /// <summary>artifacts/index.html and artifacts/manifest.json.</summary>
    public void WriteIndexAndManifest(ICakeContext context)
    {
        var parameters = new Dictionary<string, string>
        {
            ["target"] = Target,
            ["lake"] = OnSampleCopy ? "artifacts/lake (a fresh copy of data-samples/lake)" : Lake,
            ["from"] = Or(From, "(the lake's first date)"),
            ["to"] = Or(To, "(the lake's last date)"),
            ["threshold"] = Or(Threshold, "(configuration)"),
            ["session"] = Or(Session, "(last with option_minutes)"),
        };
        var manifest = System.IO.Path.Combine(Artifacts, "manifest.json");
        RunManifest.Write(manifest, GitCommit(context), parameters, _inputs, RunManifest.Partitions(Lake), RunManifest.Outputs(Artifacts, RunIndex.Sections));
        context.Information($"index: {RunIndex.Write(Artifacts, "manifest.json")}");
        context.Information($"manifest: {manifest}");
    }

    private string RangeArguments() => Flag("--from", From) + Flag("--to", To);

    private static string Flag(string name, string value) => value == "" ? "" : $" {name} {value}";

    private static string Or(string value, string fallback) => value == "" ? fallback : value;

    /// <summary>The commit checked out, with "-dirty" when the work tree has uncommitted changes; "unknown" outside git.</summary>
    private static string GitCommit(ICakeContext context)
    {
        IEnumerable<string> head, status;
        if (context.StartProcess("git", new ProcessSettings { Arguments = "rev-parse HEAD", RedirectStandardOutput = true }, out head) != 0) return "unknown";
        context.StartProcess("git", new ProcessSettings { Arguments = "status --porcelain --untracked-files=no", RedirectStandardOutput = true }, out status);
        return head.First().Trim() + (status.Any(line => line.Trim() != "") ? "-dirty" : "");
    }

    private string ConfiguredLake(ICakeContext context)
    {
        var fromEnvironment = context.EnvironmentVariable("SPX_LAKE");
        if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
        var lines = SpxLines(context, "config show").ToList();
        var section = lines.IndexOf("lake:");
        var path = section < 0 ? null : lines.Skip(section + 1).TakeWhile(l => l.StartsWith("  ")).FirstOrDefault(l => l.StartsWith("  path: "));
        return path == null ? "data/lake" : path.Substring("  path: ".Length).Trim();
    }

    private void Spx(ICakeContext context, string arguments)
    {
        context.Information($"spx {arguments}");
        var exitCode = context.StartProcess("dotnet", new ProcessSettings { Arguments = $"\"{SpxDll}\" {arguments}" });
        if (exitCode != 0) throw new CakeException($"'spx {arguments}' failed with exit code {exitCode}");
    }

    private List<string> SpxLines(ICakeContext context, string arguments)
    {
        IEnumerable<string> lines;
        var exitCode = context.StartProcess("dotnet", new ProcessSettings { Arguments = $"\"{SpxDll}\" {arguments}", RedirectStandardOutput = true }, out lines);
        if (exitCode != 0) throw new CakeException($"'spx {arguments}' failed with exit code {exitCode}");
        return lines.ToList();
    }

    /// <summary>Whether <c>spx --help</c> lists <paramref name="verb"/> among its commands.</summary>
    private bool HasVerb(ICakeContext context, string verb) =>
        SpxLines(context, "--help").Any(line => line.StartsWith("  " + verb + " ") || line.Trim() == verb);
}
