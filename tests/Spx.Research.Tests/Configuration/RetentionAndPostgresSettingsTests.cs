using Spx.Research.Configuration;

namespace Spx.Research.Tests.Configuration;

/// <summary>lake.retention and postgres: in spx.yaml, read into the records, and each mistake as one exact line.</summary>
public sealed class RetentionAndPostgresSettingsTests
{
    private static SettingsFile Parse(string yaml) => SettingsFile.Parse(yaml, "spx.yaml", name => name == "SPX_TEST_DSN" ? "Host=db;Password=from-env-9d3" : null);

    private static string[] Errors(string yaml) => Assert.Throws<ConfigurationException>(() => Parse(yaml)).Errors.ToArray();

    [Fact]
    public void Retention_rules_and_the_postgres_section_are_read()
    {
        var settings = Parse("lake:\n  retention:\n    - dataset: stock_bars_1s\n      keep: 90d\n    - dataset: news\n      keep: 2d\npostgres:\n  dsn: Host=db;Username=spx\n  schema: lake").Settings;

        Assert.Equal([("stock_bars_1s", TimeSpan.FromDays(90)), ("news", TimeSpan.FromDays(2))], settings.Lake.Retention.Select(r => (r.Dataset, r.Keep)));
        Assert.Equal(("Host=db;Username=spx", "lake"), (settings.Postgres.Dsn, settings.Postgres.Schema));
    }

    public static TheoryData<string, string> OneError() => new()
    {
        { "lake:\n  retention:\n    - dataset: bars\n      keep: 9d", "spx.yaml:3: lake.retention[0].dataset: bars is not a lake dataset: expected one of stock_bars_1s, stock_bars_1m," },
        { "lake:\n  retention:\n    - dataset: monitor_polls\n      keep: 9d", "spx.yaml:3: lake.retention[0].dataset: monitor_polls is kept by monitor.intraday_retention_sessions: set that instead" },
        { "lake:\n  retention:\n    - dataset: monitor_daily\n      keep: 9d", "spx.yaml:3: lake.retention[0].dataset: monitor_daily is kept by monitor.daily_retention_days: set that instead" },
        { "lake:\n  retention:\n    - dataset: news\n      keep: 36h", "spx.yaml:4: lake.retention[0].keep: 36h is not a whole number of days: expected e.g. 90d" },
        { "lake:\n  retention:\n    - dataset: news\n      keep: 0d", "spx.yaml:4: lake.retention[0].keep: 0d is not a whole number of days: expected e.g. 90d" },
        { "lake:\n  retention:\n    - dataset: news", "spx.yaml:3: lake.retention[0]: news has no keep: expected how long to keep it, e.g. keep: 90d" },
        { "lake:\n  retention:\n    - keep: 5d", "spx.yaml:3: lake.retention[0]: has no dataset: each item needs dataset" },
        { "lake:\n  retention:\n    - dataset: news\n      keep: 5d\n    - dataset: news\n      keep: 6d", "spx.yaml:5: lake.retention[1].dataset: news has a rule already: expected one rule per dataset" },
        { "postgres:\n  dsn: Host=db;Username=spx;Password=hunter2-x", "spx.yaml:2: postgres.dsn: carries a password (value not shown): put it in PGPASSWORD or ~/.pgpass, or the whole DSN in SPX_POSTGRES_DSN" },
        { "postgres:\n  dsn: ${SPX_TEST_DSN}", "spx.yaml:2: postgres.dsn: carries a password (value not shown): put it in PGPASSWORD or ~/.pgpass, or the whole DSN in SPX_POSTGRES_DSN" },
        { "postgres:\n  schema: \"\"", "spx.yaml:2: postgres.schema: \"\" is blank: expected a value" },
    };

    [Theory]
    [MemberData(nameof(OneError))]
    public void A_mistake_is_one_line_naming_the_line_key_and_value(string yaml, string expected)
    {
        var error = Assert.Single(Errors(yaml));

        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);
        Assert.DoesNotContain("from-env", error, StringComparison.Ordinal);
    }
}
