using Spx.Research.Configuration;

namespace Spx.Research.Tests.Ingest;

/// <summary><c>ingest.import.mappings.&lt;name&gt;</c>: name-keyed mappings load from YAML, and a bad one is a line naming the key.</summary>
public sealed class ImportSettingsTests
{
    [Fact]
    public void Named_mappings_load_with_their_columns_and_zone()
    {
        const string yaml = """
            ingest:
              import:
                mappings:
                  vendor:
                    dataset: option_bars_1m
                    columns: { symbol: ticker, time: ts }
                    timezone: Europe/London
                  plain:
                    dataset: stock_bars_1m
            """;

        var mappings = SettingsFile.Parse(yaml, "spx.yaml").Settings.Ingest.Import.Mappings;

        Assert.Equal(["plain", "vendor"], mappings.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("option_bars_1m", mappings["vendor"].Dataset);
        Assert.Equal("ticker", mappings["vendor"].Columns["symbol"]);
        Assert.Equal("ts", mappings["vendor"].Columns["time"]);
        Assert.Equal("Europe/London", mappings["vendor"].Timezone);
        Assert.Empty(mappings["plain"].Columns);
        Assert.Equal("America/New_York", mappings["plain"].Timezone);
    }

    // yaml under ingest.import, expected error fragment
    [Theory]
    [InlineData("mappings: [a, b]", "spx.yaml:3: ingest.import.mappings: is not a mapping: expected name: value pairs under it")]
    [InlineData("mappings:\n      vendor: just-text", "spx.yaml:4: ingest.import.mappings.vendor: just-text is not a mapping: expected keys such as dataset: and columns:")]
    [InlineData("mappings:\n      vendor:\n        datset: x", "spx.yaml:5: ingest.import.mappings.vendor.datset: unknown key; did you mean ingest.import.mappings.vendor.dataset?")]
    [InlineData("mappings:\n      vendor:\n        columns: { a: [b] }", "spx.yaml:5: ingest.import.mappings.vendor.columns.a: is a list: expected a single value")]
    [InlineData("mappings: {}\n  quality:\n    error_rate_warning: 1.5", "spx.yaml:5: ingest.quality.error_rate_warning: 1.5 is not in [0, 1]: expected a share of requests, e.g. 0.01 for 1 %")]
    [InlineData("mappings: {}\n  quality:\n    metrics_window: 0s", "spx.yaml:5: ingest.quality.metrics_window: 0s is not longer than zero: expected a duration such as 15m")]
    public void A_bad_mapping_is_one_line_naming_the_key(string body, string expected)
    {
        var yaml = $"ingest:\n  import:\n    {body}\n";
        var error = Assert.Throws<ConfigurationException>(() => SettingsFile.Parse(yaml, "spx.yaml"));
        Assert.Equal(expected, Assert.Single(error.Errors));
    }
}
