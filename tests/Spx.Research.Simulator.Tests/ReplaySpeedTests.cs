namespace Spx.Research.Simulator.Tests;

public sealed class ReplaySpeedTests
{
    [Theory]
    [InlineData("max", double.PositiveInfinity)]
    [InlineData("MAX", double.PositiveInfinity)]
    [InlineData("1", 1)]
    [InlineData("60x", 60)]
    [InlineData("2.5", 2.5)]
    public void Parses_the_cli_forms(string text, double factor) => Assert.Equal(factor, ReplaySpeed.Parse(text).Factor);

    [Theory]
    [InlineData("fast")]
    [InlineData("0")]
    [InlineData("-3")]
    public void Rejects_nonsense(string text) => Assert.Throws<FormatException>(() => ReplaySpeed.Parse(text));
}
