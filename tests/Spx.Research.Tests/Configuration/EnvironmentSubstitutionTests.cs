using Spx.Research.Configuration;

namespace Spx.Research.Tests.Configuration;

/// <summary><c>${VAR}</c> and <c>${VAR:-default}</c> with shell semantics (a default also replaces an empty value); <c>$$</c> is a dollar.</summary>
public sealed class EnvironmentSubstitutionTests
{
    private static readonly Dictionary<string, string> Variables = new() { ["HOST"] = "127.0.0.1", ["EMPTY"] = "", ["PORT"] = "8765" };

    private static string Apply(string text) => EnvironmentSubstitution.Apply(text, name => Variables.GetValueOrDefault(name));

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("http://${HOST}:${PORT}", "http://127.0.0.1:8765")]
    [InlineData("${UNSET:-data/lake}", "data/lake")]
    [InlineData("${EMPTY:-fallback}", "fallback")]
    [InlineData("${EMPTY}", "")]
    [InlineData("${HOST:-ignored}", "127.0.0.1")]
    [InlineData("${UNSET:-}", "")]
    [InlineData("cost $$5 and $HOST", "cost $5 and $HOST")]
    [InlineData("$", "$")]
    public void References_are_replaced(string text, string expected) => Assert.Equal(expected, Apply(text));

    [Theory]
    [InlineData("${UNSET}", "uses ${UNSET}, which is not set: set it, or give a default with ${UNSET:-value}")]
    [InlineData("a${HOST", "has an unclosed reference '${HOST': expected ${VAR} or ${VAR:-default}")]
    [InlineData("${}", "has a malformed reference '${}': expected ${VAR} or ${VAR:-default} with VAR made of letters, digits and _")]
    [InlineData("${1X}", "has a malformed reference '${1X}': expected ${VAR} or ${VAR:-default} with VAR made of letters, digits and _")]
    public void Bad_references_say_what_is_wrong(string text, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => Apply(text)).Message);
}
