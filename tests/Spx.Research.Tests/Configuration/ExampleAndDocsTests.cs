using Spx.Research.Configuration;
using Spx.Research.Testing;

namespace Spx.Research.Tests.Configuration;

/// <summary>
/// The shipped example (spx.example.yaml) loads and, as it says, holds exactly the defaults; docs/configuration.md
/// documents every key the records have, with its default.
/// </summary>
public sealed class ExampleAndDocsTests
{
    private static readonly string Root = Repository.Root;

    [Fact]
    public void The_example_file_loads_and_equals_the_defaults()
    {
        var example = SettingsFile.Load(Path.Combine(Root, "spx.example.yaml"), _ => null).Settings;
        var defaults = new SpxSettings();

        Assert.Equal(defaults.Api, example.Api);
        Assert.Empty(example.Lake.Retention);
        Assert.Equal(defaults.Lake, example.Lake with { Retention = defaults.Lake.Retention });
        Assert.Equal(defaults.Postgres, example.Postgres);
        Assert.Equal(defaults.Monitor.Roots, example.Monitor.Roots);
        Assert.Equal(defaults.Monitor, example.Monitor with { Roots = defaults.Monitor.Roots });
        Assert.Equal(defaults.Detector, example.Detector);
        Assert.Equal(defaults.Dashboard, example.Dashboard);
        Assert.Equal(defaults.Ingest.Tickers, example.Ingest.Tickers);
        Assert.Equal(defaults.Ingest, example.Ingest with { Tickers = defaults.Ingest.Tickers, Stream = defaults.Ingest.Stream, Import = defaults.Ingest.Import });
        Assert.Empty(example.Ingest.Import.Mappings);
        Assert.Equal(defaults.Scanner, example.Scanner);
        Assert.Equal(defaults.Pricing, example.Pricing);
        Assert.Empty(example.Notifications.Targets);
        Assert.Equal(defaults.Notifications, example.Notifications with { Targets = defaults.Notifications.Targets });
        Assert.Equal(defaults.Logging, example.Logging);
        var stream = defaults.Ingest.Stream;
        Assert.Equal(stream.Indices, example.Ingest.Stream.Indices);
        Assert.Equal(stream, example.Ingest.Stream with { Indices = stream.Indices });
    }

    [Fact]
    public void The_example_sets_every_key_that_has_a_default()
    {
        var given = SettingsFile.Load(Path.Combine(Root, "spx.example.yaml"), _ => null).Given;
        var missing = SettingsSchema.AllKeys().Where(k => !k.Path.Contains("[]", StringComparison.Ordinal) && !k.Path.Contains("<name>", StringComparison.Ordinal) && !given.Contains(k.Path)).Select(k => k.Path).ToList();
        Assert.True(missing.Count == 0, "spx.example.yaml lacks: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_key_of_the_records_is_documented_with_its_default()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "docs", "configuration.md"));
        var undocumented = SettingsSchema.AllKeys()
            .Select(k => k.Path)
            .Append("notifications.targets")
            .Where(path => !lines.Any(l => l.StartsWith($"| `{path}` | ", StringComparison.Ordinal) && l.Count(c => c == '|') == 4))
            .ToList();
        Assert.True(undocumented.Count == 0, "docs/configuration.md has no table row (key | default | meaning) for: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void The_schema_has_the_keys_the_issue_names()
    {
        var paths = SettingsSchema.AllKeys().Select(k => k.Path).ToList();
        Assert.Contains("api.base_url", paths);
        Assert.Contains("monitor.min_days_to_expiry", paths);
        Assert.Contains("monitor.poll_interval", paths);
        Assert.Contains("detector.premium_floor", paths);
        Assert.Contains("notifications.targets[].secret_variable", paths);
        Assert.Equal(paths.Count, paths.Distinct().Count());
    }
}
