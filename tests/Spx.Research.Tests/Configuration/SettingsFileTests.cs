using Spx.Research.Configuration;

namespace Spx.Research.Tests.Configuration;

/// <summary>
/// spx.yaml as users write it, wrong in every way the issue lists (types, ranges, unknown keys, secrets,
/// ${ENV}): each problem is one exact line naming the file, line, key, value and what was expected, and all
/// problems of a file come together.
/// </summary>
public sealed class SettingsFileTests
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["SPX_TEST_URL"] = "http://127.0.0.1:8765",
        ["SPX_TEST_EMPTY"] = "",
        ["SPX_TEST_DAYS"] = "30",
        ["SPX_TEST_SECRET"] = "sk_live_5ecret_value",
    };

    private static SettingsFile Parse(string yaml) => SettingsFile.Parse(yaml, "spx.yaml", name => Environment.GetValueOrDefault(name));

    private static string[] Errors(string yaml) => Assert.Throws<ConfigurationException>(() => Parse(yaml)).Errors.ToArray();

    [Theory]
    [InlineData("api:\n  plan: ${SPX_TEST_SECRET}")]
    [InlineData("dashboard:\n  port: ${SPX_TEST_SECRET}")]
    [InlineData("monitor:\n  poll_interval: \"${SPX_TEST_SECRET}\"")]
    public void A_value_from_the_environment_is_shown_as_written_never_substituted(string yaml)
    {
        var error = Assert.Single(Errors(yaml));

        Assert.Contains("${SPX_TEST_SECRET}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("sk_live", error, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> OneError() => new()
    {
        // types
        { "monitor:\n  poll_interval: soon", "spx.yaml:2: monitor.poll_interval: soon is not a duration: use 500ms, 90s, 5m, 1h, 2d or hh:mm:ss" },
        { "dashboard:\n  port: \"x\"", "spx.yaml:2: dashboard.port: \"x\" is not a whole number" },
        { "monitor:\n  min_strike_ratio: eighty", "spx.yaml:2: monitor.min_strike_ratio: eighty is not a number" },
        { "monitor:\n  follow_server_clock: yes", "spx.yaml:2: monitor.follow_server_clock: yes is not true or false" },
        { "notifications:\n  quiet_from: 9pm\n  quiet_to: 07:00", "spx.yaml:2: notifications.quiet_from: 9pm is not a time of day: use HH:mm (New York time), e.g. 09:30" },
        { "api:\n  base_url: localhost:8765", "spx.yaml:2: api.base_url: localhost:8765 is not an http(s) URL, e.g. https://api.massive.com" },
        { "monitor:\n  roots: SPX", "spx.yaml:2: monitor.roots: SPX is not a list: expected e.g. [SPX, SPXW]" },
        { "monitor: 5", "spx.yaml:1: monitor: 5 is not a mapping: expected keys under monitor:, such as roots" },
        { "monitor:\n  poll_interval:", "spx.yaml:2: monitor.poll_interval: is empty: expected a value (leave the key out for its default)" },
        { "lake:\n  path: ~", "spx.yaml:2: lake.path: is empty: expected a value (leave the key out for its default)" },
        { "monitor:\n  right: [put]", "spx.yaml:2: monitor.right: is a list: expected a single value" },
        // ranges and choices
        { "monitor:\n  min_days_to_expiry: 20\n  max_days_to_expiry: 10", "spx.yaml:3: monitor.max_days_to_expiry: 10 is less than monitor.min_days_to_expiry (20)" },
        { "monitor:\n  max_days_to_expiry: 10", "spx.yaml:2: monitor.max_days_to_expiry: 10 is less than monitor.min_days_to_expiry (20)" },
        { "monitor:\n  min_days_to_expiry: 50", "spx.yaml:2: monitor.min_days_to_expiry: 50 is more than monitor.max_days_to_expiry (45)" },
        { "monitor:\n  max_strike_ratio: 2.5", "spx.yaml:2: monitor.max_strike_ratio: 2.5 is not in (0, 2]: expected a fraction of spot, e.g. 0.95" },
        { "monitor:\n  min_strike_ratio: 0", "spx.yaml:2: monitor.min_strike_ratio: 0 is not in (0, 2]: expected a fraction of spot, e.g. 0.95" },
        { "monitor:\n  min_strike_ratio: 0.97", "spx.yaml:2: monitor.min_strike_ratio: 0.97 is more than monitor.max_strike_ratio (0.95)" },
        { "monitor:\n  poll_interval: 0s", "spx.yaml:2: monitor.poll_interval: 0s is not longer than zero: expected a duration such as 15m" },
        { "monitor:\n  roots: []", "spx.yaml:2: monitor.roots: [] is empty: expected at least one option root, e.g. [SPX, SPXW]" },
        { "monitor:\n  roots: [SPX, spxw]", "spx.yaml:2: monitor.roots[1]: spxw is not an option root: expected 1–6 upper-case letters, e.g. SPXW" },
        { "monitor:\n  right: puts", "spx.yaml:2: monitor.right: puts is not one of: put, call" },
        { "api:\n  plan: pro", "spx.yaml:2: api.plan: pro is not one of: free, unlimited" },
        { "dashboard:\n  port: 70000", "spx.yaml:2: dashboard.port: 70000 is not between 1 and 65535" },
        { "dashboard:\n  port: 0", "spx.yaml:2: dashboard.port: 0 is not between 1 and 65535" },
        { "pricing:\n  rate: 4.3", "spx.yaml:2: pricing.rate: 4.3 is not in [-0.2, 1]: expected an annual rate as a fraction, e.g. 0.043 for 4.3 %" },
        { "monitor:\n  batch_size: 500", "spx.yaml:2: monitor.batch_size: 500 is not between 1 and 250" },
        { "detector:\n  premium_floor: -1", "spx.yaml:2: detector.premium_floor: -1 is negative: expected 0 or more" },
        { "logging:\n  level: verbose", "spx.yaml:2: logging.level: verbose is not one of: debug, info, warning, error" },
        { "notifications:\n  quiet_from: \"22:00\"", "spx.yaml:2: notifications.quiet_from: 22:00 has no notifications.quiet_to: quiet hours need both ends" },
        // notification targets
        { "notifications:\n  targets:\n    - kind: sms\n      name: phone\n      url: http://127.0.0.1:9000/hook", "spx.yaml:3: notifications.targets[0].kind: sms is not one of: webhook, slack, discord, telegram, pushover" },
        { "notifications:\n  targets:\n    - kind: slack\n      name: desk", "spx.yaml:3: notifications.targets[0]: slack target 'desk' has neither url nor secret_variable: expected one (secret_variable names the environment variable holding the webhook URL or token)" },
        { "notifications:\n  targets:\n    - kind: telegram\n      name: phone\n      secret_variable: TELEGRAM_BOT_TOKEN", "spx.yaml:3: notifications.targets[0]: telegram target 'phone' has no recipient: expected the chat id" },
        { "notifications:\n  targets:\n    - name: desk\n      secret_variable: SLACK_URL", "spx.yaml:3: notifications.targets[0]: has no kind: each item needs kind and name" },
        { "notifications:\n  targets:\n    - kind: slack\n      name: desk\n      secret_variable: $SLACK", "spx.yaml:5: notifications.targets[0].secret_variable: $SLACK is not an environment variable name: expected letters, digits and _, e.g. SLACK_WEBHOOK_URL" },
        { "notifications:\n  targets:\n    - slack", "spx.yaml:3: notifications.targets[0]: slack is not a mapping: expected keys such as kind: and name:" },
        { "notifications:\n  targets:\n    - kind: webhook\n      name: a\n      url: http://127.0.0.1:9000/\n    - kind: webhook\n      name: a\n      url: http://127.0.0.1:9001/", "spx.yaml:7: notifications.targets[1].name: a is the name of an earlier target: expected a unique name (logs tell targets apart by it)" },
        // unknown keys
        { "monitor:\n  pol_interval: 5m", "spx.yaml:2: monitor.pol_interval: unknown key; did you mean monitor.poll_interval?" },
        { "moniter:\n  poll_interval: 5m", "spx.yaml:1: moniter: unknown key; did you mean monitor?" },
        { "notifications:\n  targets:\n    - kind: slack\n      name: desk\n      secret_var: SLACK_URL", "spx.yaml:5: notifications.targets[0].secret_var: unknown key; did you mean notifications.targets[0].secret_variable?" },
        // secrets
        { "api:\n  api_key: abc123", "spx.yaml:2: api.api_key: secrets are not read from the configuration file (value not shown): the API key is read from MASSIVE_API_KEY or POLYGON_API_KEY in the environment" },
        { "api:\n  key: abc123", "spx.yaml:2: api.key: secrets are not read from the configuration file (value not shown): the API key is read from MASSIVE_API_KEY or POLYGON_API_KEY in the environment" },
        { "notifications:\n  targets:\n    - kind: telegram\n      name: phone\n      recipient: \"42\"\n      token: 123:abc", "spx.yaml:6: notifications.targets[0].token: secrets are not read from the configuration file (value not shown): put it in an environment variable and name that variable in notifications.targets[0].secret_variable" },
        { "dashboard:\n  password: hunter2", "spx.yaml:2: dashboard.password: secrets are not read from the configuration file (value not shown): put it in an environment variable" },
        { "api:\n  base_url: https://user:hunter2@api.massive.com", "spx.yaml:2: api.base_url: is a URL that carries a credential (value not shown): the API key is read from MASSIVE_API_KEY or POLYGON_API_KEY in the environment" },
        { "api:\n  base_url: https://api.massive.com/?apiKey=abc123", "spx.yaml:2: api.base_url: is a URL that carries a credential (value not shown): the API key is read from MASSIVE_API_KEY or POLYGON_API_KEY in the environment" },
        { "notifications:\n  targets:\n    - kind: slack\n      name: desk\n      url: https://hooks.slack.com/services/T0/B0/XXXX", "spx.yaml:5: notifications.targets[0].url: is a URL that carries a credential (value not shown): put it in an environment variable and name that variable in notifications.targets[0].secret_variable" },
        // ${ENV}
        { "lake:\n  path: ${SPX_TEST_UNSET}/lake", "spx.yaml:2: lake.path: ${SPX_TEST_UNSET}/lake uses ${SPX_TEST_UNSET}, which is not set: set it, or give a default with ${SPX_TEST_UNSET:-value}" },
        { "lake:\n  path: ${SPX TEST}", "spx.yaml:2: lake.path: ${SPX TEST} has a malformed reference '${SPX TEST}': expected ${VAR} or ${VAR:-default} with VAR made of letters, digits and _" },
        { "lake:\n  path: ${SPX_TEST_URL", "spx.yaml:2: lake.path: ${SPX_TEST_URL has an unclosed reference '${SPX_TEST_URL': expected ${VAR} or ${VAR:-default}" },
        { "monitor:\n  max_days_to_expiry: ${SPX_TEST_EMPTY:-10}", "spx.yaml:2: monitor.max_days_to_expiry: 10 is less than monitor.min_days_to_expiry (20)" },
        // the file itself
        { "monitor:\n  poll_interval: 5m\n    data_delay: 1m", "spx.yaml:3: invalid YAML: While scanning a plain scalar value, found invalid mapping." },
        { "- api", "spx.yaml:1: is not a mapping: expected sections such as api:, lake:, monitor:" },
        { "monitor:\n  right: put\n  right: call", "spx.yaml:3: invalid YAML: Duplicate key right" },
    };

    [Theory]
    [MemberData(nameof(OneError))]
    public void Each_problem_is_one_exact_line(string yaml, string error) => Assert.Equal([error], Errors(yaml));

    [Fact]
    public void Every_problem_of_a_file_is_reported_together_in_line_order()
    {
        var errors = Errors("""
            api:
              plan: pro
            monitor:
              poll_interval: soon
              max_days_to_expiry: 10
              rigth: put
            dashboard:
              port: 0
            """);

        Assert.Equal(
        [
            "spx.yaml:2: api.plan: pro is not one of: free, unlimited",
            "spx.yaml:4: monitor.poll_interval: soon is not a duration: use 500ms, 90s, 5m, 1h, 2d or hh:mm:ss",
            "spx.yaml:5: monitor.max_days_to_expiry: 10 is less than monitor.min_days_to_expiry (20)",
            "spx.yaml:6: monitor.rigth: unknown key; did you mean monitor.right?",
            "spx.yaml:8: dashboard.port: 0 is not between 1 and 65535",
        ], errors);
    }

    [Fact]
    public void A_secret_value_never_appears_in_an_error()
    {
        var errors = string.Join("\n", Errors("""
            api:
              api_key: sk-live-0123456789
              base_url: https://me:sk-live-0123456789@api.massive.com
            notifications:
              targets:
                - kind: slack
                  name: desk
                  url: https://hooks.slack.com/services/T0/B0/sk-live-0123456789
            """));

        Assert.DoesNotContain("sk-live", errors);
        Assert.Equal(3, errors.Split('\n').Length);
    }

    [Fact]
    public void No_file_and_an_empty_file_are_the_defaults()
    {
        Assert.Equal(new SpxSettings().Api, Parse("").Settings.Api);
        Assert.Equal(new SpxSettings().Monitor.PollInterval, Parse("# nothing set\n").Settings.Monitor.PollInterval);
        Assert.Equal(new SpxSettings().Dashboard, Parse("dashboard:\n").Settings.Dashboard);
        Assert.Empty(Parse("").Given);
    }

    [Fact]
    public void Values_are_read_into_the_records_and_the_rest_stay_defaults()
    {
        var file = Parse("""
            api:
              base_url: ${SPX_TEST_URL}
              plan: unlimited
              timeout: 90s
            lake:
              path: ${SPX_TEST_LAKE:-/data/lake}
            monitor:
              roots: [SPXW]
              max_days_to_expiry: ${SPX_TEST_DAYS}
              poll_interval: 00:05:00
              data_delay: 0s
              follow_server_clock: true
            detector:
              premium_floor: 250000
            notifications:
              quiet_from: "22:00"
              quiet_to: "07:30"
              targets:
                - kind: webhook
                  name: lan
                  url: http://192.168.1.5:9000/alerts
                - kind: slack
                  name: desk
                  secret_variable: SLACK_WEBHOOK_URL
            logging:
              level: debug
            """);
        var s = file.Settings;

        Assert.Equal(new Uri("http://127.0.0.1:8765"), s.Api.BaseUrl);
        Assert.Equal(("unlimited", TimeSpan.FromSeconds(90), 4), (s.Api.Plan, s.Api.Timeout, s.Api.Retries));
        Assert.Equal("/data/lake", s.Lake.Path);
        Assert.Equal(["SPXW"], s.Monitor.Roots);
        Assert.Equal((20, 30), (s.Monitor.MinDaysToExpiry, s.Monitor.MaxDaysToExpiry));
        Assert.Equal((TimeSpan.FromMinutes(5), TimeSpan.Zero, true), (s.Monitor.PollInterval, s.Monitor.DataDelay, s.Monitor.FollowServerClock));
        Assert.Equal(new DetectorSettings { PremiumFloor = 250_000 }, s.Detector);
        Assert.Equal((new TimeOnly(22, 0), new TimeOnly(7, 30)), (s.Notifications.QuietFrom, s.Notifications.QuietTo));
        Assert.Equal(
            [new NotificationTarget("webhook", "lan") { Url = new Uri("http://192.168.1.5:9000/alerts") }, new NotificationTarget("slack", "desk") { SecretVariable = "SLACK_WEBHOOK_URL" }],
            s.Notifications.Targets);
        Assert.Equal("debug", s.Logging.Level);
        Assert.Contains("api.plan", file.Given);
        Assert.DoesNotContain("api.retries", file.Given);
    }

    [Fact]
    public void Load_reads_a_real_file_and_names_it_as_given()
    {
        var folder = Directory.CreateTempSubdirectory("spx-config-").FullName;
        try
        {
            var path = Path.Combine(folder, "bad.yaml");
            File.WriteAllText(path, "monitor:\n  right: puts\n");
            var errors = Assert.Throws<ConfigurationException>(() => SettingsFile.Load(path)).Errors;
            Assert.Equal([$"{path}:2: monitor.right: puts is not one of: put, call"], errors);

            Assert.Throws<FileNotFoundException>(() => SettingsFile.Load(Path.Combine(folder, "none.yaml")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
