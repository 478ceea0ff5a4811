namespace Spx.Research.Cli.Tests;

public class HelpTests
{
    [Theory]
    [InlineData("calendar")]
    [InlineData("lake")]
    [InlineData("lake", "info")]
    [InlineData("lake", "check")]
    [InlineData("sql")]
    [InlineData("generate")]
    [InlineData("samples")]
    [InlineData("notebook")]
    [InlineData("notebook", "run")]
    [InlineData("api")]
    [InlineData("api", "chain")]
    [InlineData("api", "stream")]
    [InlineData("simulate")]
    [InlineData("simulate", "serve")]
    public void Every_verb_has_help_that_exits_0(params string[] verb)
    {
        var run = CliRun.Of([.. verb, "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Output);
        Assert.Contains(verb[^1], run.Output);
    }

    [Fact]
    public void Root_help_lists_the_verbs()
    {
        var run = CliRun.Of("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var verb in new[] { "calendar", "lake", "sql", "generate", "samples", "notebook", "api", "simulate" }) Assert.Contains(verb, run.Output);
    }
}
