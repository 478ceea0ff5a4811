using Spx.Research.Market;
using Spx.Research.Monitor.Polling;

namespace Spx.Research.Tests.Monitor.Polling;

/// <summary>volume_delta: the whole day volume at a contract's first poll of the session, the change after that, 0 (and a correction) when it went down.</summary>
public sealed class PollRowBuilderTests
{
    private static readonly DateOnly Session = new(2025, 3, 3);
    private static readonly DateTimeOffset First = NewYorkTime.ToUtc(Session, new TimeOnly(9, 45));
    private static readonly DateTimeOffset Second = First.AddMinutes(15);

    private static PolledContract Contract(string ticker, long volume) =>
        new(OptionTicker.Parse(ticker), volume, null, null, null, null, null, null, null, null, null, null);

    [Theory]
    [InlineData(120, null, 120)]   // first poll of the session
    [InlineData(0, null, 0)]
    [InlineData(450, 120L, 330)]   // a later poll
    [InlineData(120, 120L, 0)]     // nothing traded
    [InlineData(100, 120L, 0)]     // a correction: never negative
    public void Delta(long now, long? before, long expected)
    {
        Assert.Equal(expected, PollRowBuilder.Delta(now, before is { } b ? new PreviousPoll(First, b) : null));
    }

    [Fact]
    public void Rows_carry_the_poll_and_each_contracts_delta_and_corrections_are_listed()
    {
        var previous = new Dictionary<string, PreviousPoll>
        {
            ["O:SPXW250404P04500000"] = new(First, 100),
            ["O:SPXW250404P04550000"] = new(First, 80),
        };
        var (rows, corrections) = PollRowBuilder.Build(Second, Session, 5000,
        [
            Contract("O:SPXW250404P04500000", 250),
            Contract("O:SPXW250404P04550000", 70),
            Contract("O:SPX250417P04000000", 30),
        ], previous);

        Assert.Equal([150L, 0L, 30L], rows.Select(r => r.VolumeDelta));
        Assert.All(rows, r => Assert.Equal((Second, Session, 5000.0), (r.PollTs, r.Session, r.Spot)));
        var correction = Assert.Single(corrections);
        Assert.Equal(new VolumeCorrection("O:SPXW250404P04550000", First, 80, 70), correction);
    }

    [Theory]
    [InlineData("2025-03-03T14:45:00Z", "2025-03-03T14:45:00Z")]
    [InlineData("2025-03-03T14:45:59.999Z", "2025-03-03T14:45:00Z")]
    [InlineData("2025-03-03T09:46:30-05:00", "2025-03-03T14:46:00Z")]
    public void The_poll_instant_is_the_minute(string now, string expected)
    {
        var instant = PollInstant.Of(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }
}
