using System.Text.Json;
using Spx.Research.Configuration;
using Spx.Research.Market;
using Spx.Research.Simulator;
using Spx.Research.Simulator.Faults;

namespace Spx.Research.Cli.Tests;

/// <summary>
/// spx.yaml through the real spx process: which file is read, flag &gt; environment &gt; file &gt; default for the lake
/// and the api options (against the simulator on loopback), a bad file stopping every verb, <c>config check</c>,
/// and <c>config show</c> printing every key without ever printing a secret.
/// </summary>
public sealed class ConfigVerbTests : IDisposable
{
    private const string Key = "cfg-Key-8c41f0";
    private readonly string _folder = Directory.CreateTempSubdirectory("spx-config-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string yaml)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    private CliRun Spx(IReadOnlyDictionary<string, string> environment, params string[] args) => CliRun.Process(_folder, environment, args);

    private CliRun Spx(params string[] args) => Spx(new Dictionary<string, string>(), args);

    /// <summary>A dataset query where no lake is names the folder it looked in: the lake that won.</summary>
    private string LakeUsed(CliRun run)
    {
        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("spx: error: no lake at ", line);
        return Path.GetRelativePath(_folder, line["spx: error: no lake at ".Length..].Split(" (", 2)[0]);
    }

    private static readonly string[] Query = ["sql", "select count(*) from news"];

    [Fact]
    public void The_lake_comes_from_the_flag_then_SPX_LAKE_then_the_file_then_the_default()
    {
        Assert.Equal(Path.Combine("data", "lake"), LakeUsed(Spx(Query)));

        Write("spx.yaml", "lake:\n  path: from-file\n");
        Assert.Equal("from-file", LakeUsed(Spx(Query)));
        Assert.Equal("from-env", LakeUsed(Spx(new Dictionary<string, string> { ["SPX_LAKE"] = "from-env" }, Query)));
        Assert.Equal("from-flag", LakeUsed(Spx(new Dictionary<string, string> { ["SPX_LAKE"] = "from-env" }, [.. Query, "--lake", "from-flag"])));
    }

    [Fact]
    public void The_file_is_config_then_SPX_CONFIG_then_the_working_directory_spx_yaml()
    {
        Write("spx.yaml", "lake:\n  path: from-cwd\n");
        var variable = Write("variable.yaml", "lake:\n  path: from-variable\n");
        var flag = Write("flag.yaml", "lake:\n  path: from-flag-file\n");
        var environment = new Dictionary<string, string> { ["SPX_CONFIG"] = variable };

        Assert.Equal("from-cwd", LakeUsed(Spx(Query)));
        Assert.Equal("from-variable", LakeUsed(Spx(environment, Query)));
        Assert.Equal("from-flag-file", LakeUsed(Spx(environment, [.. Query, "--config", flag])));
    }

    private static PolygonSimulator Simulator(FaultPlan faults) => new(new SimulatorOptions
    {
        LakeRoot = Synthetic.SampleLake.Find(AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException("data-samples/lake not found"),
        ApiKey = Key,
        ClockStart = NewYorkTime.ToUtc(new DateOnly(2025, 3, 3), new TimeOnly(10, 30)),
        Faults = faults,
    });

    [Fact]
    public async Task Api_options_come_from_the_file_and_flags_override_them()
    {
        await using var hung = Simulator(new FaultPlan(1, [new FaultRule("marketstatus", "timeout", 1, null)]));
        await using var healthy = Simulator(FaultPlan.None);
        var hungUrl = (await hung.StartAsync()).ToString().TrimEnd('/');
        var healthyUrl = (await healthy.StartAsync()).ToString().TrimEnd('/');
        Write("spx.yaml", $"api:\n  base_url: {hungUrl}\n  plan: unlimited\n  timeout: 200ms\n  retries: 1\n");
        var key = new Dictionary<string, string> { ["MASSIVE_API_KEY"] = Key };

        var fromFile = Spx(key, "api", "status");
        Assert.Equal(1, fromFile.ExitCode);
        Assert.Equal(2, fromFile.ErrorLines.Length);
        Assert.StartsWith("spx: GET /v1/marketstatus/now: attempt 1/2 failed (no response within 0.2 s); retrying in ", fromFile.ErrorLines[0]);
        Assert.Equal("spx: error: GET /v1/marketstatus/now timed out after 0.2 s on every attempt (1 retries).", fromFile.ErrorLines[1]);

        var fromFlags = Spx(key, "api", "status", "--timeout", "300ms", "--retries", "0");
        Assert.Equal(["spx: error: GET /v1/marketstatus/now timed out after 0.3 s on every attempt (0 retries)."], fromFlags.ErrorLines);

        var elsewhere = Spx(key, "api", "status", "--base-url", healthyUrl, "--timeout", "30s", "--format", "csv");
        Assert.True(elsewhere.ExitCode == 0, elsewhere.Error);
        Assert.Contains("market,", elsewhere.Output);
        Assert.DoesNotContain(Key, elsewhere.Output + elsewhere.Error + fromFile.Error + fromFlags.Error);
    }

    [Fact]
    public void A_bad_file_stops_every_verb_with_every_problem_and_exit_1()
    {
        Write("spx.yaml", "monitor:\n  pol_interval: 5m\n  max_days_to_expiry: 10\n");

        foreach (var args in new[] { new[] { "calendar", "--from", "2025-01-02", "--to", "2025-01-03" }, Query, ["config", "show"] })
        {
            var run = Spx(args);
            Assert.Equal(1, run.ExitCode);
            Assert.Equal("", run.Output);
            Assert.Equal(
            [
                "spx: error: spx.yaml:2: monitor.pol_interval: unknown key; did you mean monitor.poll_interval?",
                "spx: error: spx.yaml:3: monitor.max_days_to_expiry: 10 is less than monitor.min_days_to_expiry (20)",
            ], run.ErrorLines);
        }
    }

    [Fact]
    public void A_missing_config_file_is_a_usage_error()
    {
        var byFlag = Spx("calendar", "--from", "2025-01-02", "--to", "2025-01-03", "--config", "none.yaml");
        Assert.Equal(2, byFlag.ExitCode);
        Assert.Equal(["spx: --config 'none.yaml': no such file"], byFlag.ErrorLines);

        var byVariable = Spx(new Dictionary<string, string> { ["SPX_CONFIG"] = "gone.yaml" }, "calendar", "--from", "2025-01-02", "--to", "2025-01-03");
        Assert.Equal(2, byVariable.ExitCode);
        Assert.Equal(["spx: $SPX_CONFIG names 'gone.yaml': no such file"], byVariable.ErrorLines);
    }

    [Fact]
    public void Config_check_says_ok_or_lists_the_problems_and_ignores_a_broken_working_directory_file()
    {
        Write("spx.yaml", "this: is broken\n");
        var good = Write("good.yaml", "monitor:\n  poll_interval: 5m\n");
        var bad = Write("bad.yaml", "dashboard:\n  port: \"x\"\napi:\n  token: abc\n");

        var ok = Spx("config", "check", good);
        Assert.Equal((0, $"ok: {good}\n", ""), (ok.ExitCode, ok.Output, ok.Error));

        var problems = Spx("config", "check", bad);
        Assert.Equal(1, problems.ExitCode);
        Assert.Equal(
        [
            $"{bad}:2: dashboard.port: \"x\" is not a whole number",
            $"{bad}:4: api.token: secrets are not read from the configuration file (value not shown): the API key is read from MASSIVE_API_KEY or POLYGON_API_KEY in the environment",
        ], problems.ErrorLines);

        Assert.Equal(2, Spx("config", "check", "none.yaml").ExitCode);
    }

    [Fact]
    public void Config_show_prints_every_key_with_defaults_and_the_file_values()
    {
        Write("spx.yaml", "monitor:\n  poll_interval: 5m\n  roots: [SPXW]\n");

        var run = Spx("config", "show", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        foreach (var key in SettingsSchema.AllKeys().Where(k => !k.Path.Contains("[]", StringComparison.Ordinal) && !k.Path.Contains("<name>", StringComparison.Ordinal)))
            Assert.True(Find(root, key.Path).HasValue, $"config show lacks {key.Path}");
        Assert.Equal("spx.yaml", root.GetProperty("file").GetString());
        Assert.Equal("5m", root.GetProperty("monitor").GetProperty("poll_interval").GetString());
        Assert.Equal(45, root.GetProperty("monitor").GetProperty("max_days_to_expiry").GetInt32());
        Assert.Equal("SPXW", Assert.Single(root.GetProperty("monitor").GetProperty("roots").EnumerateArray()).GetString());
        Assert.False(root.GetProperty("api_key").GetProperty("set").GetBoolean());
    }

    [Fact]
    public void Config_show_yaml_loads_back_as_the_same_configuration()
    {
        Write("spx.yaml", "monitor:\n  poll_interval: 5m\n  data_delay: 0s\nnotifications:\n  quiet_from: \"22:00\"\n  quiet_to: \"07:00\"\n  targets:\n    - kind: webhook\n      name: lan\n      url: http://192.168.1.5:9000/alerts\n");
        var yaml = Spx("config", "show");
        Assert.True(yaml.ExitCode == 0, yaml.Error);
        var shown = Write("shown.yaml", yaml.Output);

        Assert.Equal($"ok: {shown}\n", Spx("config", "check", shown).Output);
        var original = JsonDocument.Parse(Spx("config", "show", "--format", "json").Output).RootElement;
        var reloaded = JsonDocument.Parse(Spx("config", "show", "--format", "json", "--config", shown).Output).RootElement;
        foreach (var section in SettingsSchema.KeysOf(typeof(SpxSettings)))
            Assert.Equal(original.GetProperty(section.Name).GetRawText(), reloaded.GetProperty(section.Name).GetRawText());
    }

    [Fact]
    public void Config_show_never_prints_the_api_key_or_a_target_secret_even_when_set()
    {
        const string apiKey = "fake-test-key-9f8e7d6c5b4a";
        const string webhook = "https://hooks.slack.com/services/T000/B000/hook-SECRET-1234";
        Write("spx.yaml", "notifications:\n  targets:\n    - kind: slack\n      name: desk\n      secret_variable: SPX_TEST_SLACK\n    - kind: discord\n      name: ops\n      secret_variable: SPX_TEST_DISCORD\n");
        var environment = new Dictionary<string, string> { ["MASSIVE_API_KEY"] = apiKey, ["SPX_TEST_SLACK"] = webhook };

        var yaml = Spx(environment, "config", "show");
        var json = Spx(environment, "config", "show", "--format", "json");

        foreach (var run in new[] { yaml, json })
        {
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.DoesNotContain(apiKey, run.Output + run.Error);
            Assert.DoesNotContain("SECRET-1234", run.Output + run.Error);
            Assert.DoesNotContain("sk-LIVE", run.Output + run.Error);
        }
        Assert.Contains("# api key: set, from MASSIVE_API_KEY (value not shown)", yaml.OutputLines);
        Assert.Contains("# notifications.targets[0] (desk): SPX_TEST_SLACK is set", yaml.OutputLines);
        Assert.Contains("# notifications.targets[1] (ops): SPX_TEST_DISCORD is NOT set", yaml.OutputLines);
        var root = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal("MASSIVE_API_KEY", root.GetProperty("api_key").GetProperty("variable").GetString());
        var targets = root.GetProperty("notifications").GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal([true, false], targets.Select(t => t.GetProperty("secret_set").GetBoolean()));
    }

    [Fact]
    public void Without_a_file_the_verbs_behave_as_before()
    {
        var run = Spx("config", "show", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("file").ValueKind);
        Assert.Equal("https://api.massive.com", root.GetProperty("api").GetProperty("base_url").GetString());

        var calendar = Spx("calendar", "--from", "2025-01-02", "--to", "2025-01-03", "--format", "csv");
        Assert.True(calendar.ExitCode == 0, calendar.Error);
    }

    private static JsonElement? Find(JsonElement root, string path)
    {
        var element = root;
        foreach (var part in path.Split('.'))
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element)) return null;
        return element;
    }
}
