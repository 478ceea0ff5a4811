using Spx.Research.Configuration;

namespace Spx.Research.Tests.Configuration;

/// <summary>Durations parse strictly: a unit is required and must be one we know; <c>2d</c> is two days, never two seconds.</summary>
public sealed class DurationTests
{
    [Theory]
    [InlineData("500ms", 0.5)]
    [InlineData("90s", 90)]
    [InlineData("5m", 300)]
    [InlineData("1.5h", 5400)]
    [InlineData("2d", 172_800)]
    [InlineData("00:01:30", 90)]
    [InlineData("12:00:00", 43_200)]
    public void Accepted_forms(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Durations.Parse(text));

    [Theory]
    [InlineData("2")]
    [InlineData("2x")]
    [InlineData("2 d")]
    [InlineData("-5s")]
    [InlineData("1.5.3s")]
    [InlineData("5M")]
    [InlineData("1:30")]
    [InlineData("")]
    [InlineData("99999999999999999d")]
    public void Anything_else_is_refused(string text) =>
        Assert.Throws<FormatException>(() => Durations.Parse(text));

    [Fact]
    public void Zero_is_refused() => Assert.Equal("must be longer than zero", Assert.Throws<FormatException>(() => Durations.Parse("0s")).Message);

    [Fact]
    public void Zero_is_allowed_where_a_delay_may_be_none()
    {
        Assert.Equal(TimeSpan.Zero, Durations.ParseAllowingZero("0s"));
        Assert.Throws<FormatException>(() => Durations.ParseAllowingZero("soon"));
    }

    [Theory]
    [InlineData(30, "30s")]
    [InlineData(600, "10m")]
    [InlineData(7200, "2h")]
    [InlineData(172_800, "2d")]
    [InlineData(0.25, "250ms")]
    public void Format_is_the_shortest_exact_form_and_parses_back(double seconds, string text)
    {
        Assert.Equal(text, Durations.Format(TimeSpan.FromSeconds(seconds)));
        Assert.Equal(TimeSpan.FromSeconds(seconds), Durations.Parse(text));
    }
}
