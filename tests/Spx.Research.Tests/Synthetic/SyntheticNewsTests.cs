using Spx.Research.Synthetic;

namespace Spx.Research.Tests.Synthetic;

/// <summary>
/// <see cref="SyntheticProfile.NewsPerSession"/> is the Poisson rate of headlines per session: 0 is a valid
/// "no news" (the generator used to pass it to Poisson, which rejects it), and the breaking headline before a
/// momentum event is written whatever the rate.
/// </summary>
public sealed class SyntheticNewsTests
{
    private static readonly DateOnly Monday = new(2025, 3, 3);

    [Theory]
    // rate, momentum events per session, fewest and most headlines expected, kinds (first keyword) allowed
    [InlineData(0.0, 0.0, 0, 0, "")]
    [InlineData(0.0, 1.0, 1, 1, "breaking")]
    [InlineData(8.0, 0.0, 1, 40, "market company")]
    public void News_per_session_sets_how_many_headlines_a_session_gets(double rate, double momentum, int fewest, int most, string kinds)
    {
        var news = Session(rate, momentum).News;

        Assert.InRange(news.Count, fewest, most);
        Assert.All(news, n => Assert.Contains(n.Keywords[0], kinds.Split(' ')));
    }

    [Fact]
    public void A_rate_of_zero_changes_nothing_but_the_news()
    {
        var none = Session(0, 0.35);
        var some = Session(8, 0.35);

        Assert.Equal(some.IndexMinuteBars, none.IndexMinuteBars);
        Assert.Equal(some.Snapshots.Count, none.Snapshots.Count);
        Assert.Equal(some.Labels.Select(l => l.Id), none.Labels.Select(l => l.Id));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void A_negative_rate_is_refused_with_the_setting_named(double rate)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Session(rate, 0));

        Assert.Contains("NewsPerSession", error.Message, StringComparison.Ordinal);
    }

    private static SessionData Session(double rate, double momentum) =>
        new SyntheticMarket(new SyntheticMarketOptions
        {
            Seed = 11,
            Profile = SyntheticProfile.Sample with { NewsPerSession = rate },
            Events = EventSettings.Default with { MomentumEventsPerSession = momentum },
        }).Generate(Monday, Monday).Single();
}
