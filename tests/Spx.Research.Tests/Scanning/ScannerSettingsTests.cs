using Spx.Research.Configuration;

namespace Spx.Research.Tests.Scanning;

/// <summary>The <c>scanner:</c> section of spx.yaml: its values load, and a wrong one is one line naming the file, line, key and value.</summary>
public sealed class ScannerSettingsTests
{
    [Fact]
    public void The_section_loads_over_the_defaults()
    {
        var settings = SettingsFile.Parse("scanner:\n  underlying: QQQ\n  momentum_threshold: 0.35", "spx.yaml", _ => null).Settings.Scanner;

        Assert.Equal(new ScannerSettings { Underlying = "QQQ", MomentumThreshold = 0.35 }, settings);
        Assert.Equal(("SPY", 0.20), (new ScannerSettings().Underlying, new ScannerSettings().MomentumThreshold));
    }

    [Theory]
    [InlineData("scanner:\n  momentum_threshold: 0", "spx.yaml:2: scanner.momentum_threshold: 0 is not in (0, 10]: expected a fraction, e.g. 0.2 for 20 %")]
    [InlineData("scanner:\n  momentum_threshold: 20", "spx.yaml:2: scanner.momentum_threshold: 20 is not in (0, 10]: expected a fraction, e.g. 0.2 for 20 %")]
    [InlineData("scanner:\n  momentum_threshold: -0.2", "spx.yaml:2: scanner.momentum_threshold: -0.2 is not in (0, 10]: expected a fraction, e.g. 0.2 for 20 %")]
    [InlineData("scanner:\n\n  underlying: spy", "spx.yaml:3: scanner.underlying: spy is not a stock ticker: expected 1–6 upper-case letters, e.g. SPY")]
    public void A_wrong_value_is_one_line(string yaml, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => SettingsFile.Parse(yaml, "spx.yaml", _ => null));

        Assert.Equal([expected], error.Errors);
    }
}
