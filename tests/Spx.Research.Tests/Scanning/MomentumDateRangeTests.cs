using Spx.Research.Scanning;

namespace Spx.Research.Tests.Scanning;

/// <summary>The kernel workers' share of the dates: consecutive, about equal, open at both ends, never a date in two.</summary>
public sealed class MomentumDateRangeTests
{
    private static readonly DateOnly[] Week = [.. Enumerable.Range(0, 5).Select(i => new DateOnly(2025, 3, 3).AddDays(i))];

    [Fact]
    public void Two_workers_share_a_week_at_its_middle_date()
    {
        var ranges = MomentumDateRange.Split(Week, 2);

        Assert.Equal([new MomentumDateRange(null, Week[2]), new MomentumDateRange(Week[2], null)], ranges);
        Assert.Equal("date < DATE '2025-03-05'", ranges[0].Filter());
        Assert.Equal("date >= DATE '2025-03-05'", ranges[1].Filter());
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 2)]
    [InlineData(5, 1)]
    public void One_date_or_one_worker_reads_everything(int dates, int parts) =>
        Assert.Equal([MomentumDateRange.All], MomentumDateRange.Split(Week[..dates], parts));

    [Fact]
    public void More_workers_than_dates_gives_one_date_each()
    {
        var ranges = MomentumDateRange.Split(Week[..3], 8);

        Assert.Equal([new(null, Week[1]), new(Week[1], Week[2]), new MomentumDateRange(Week[2], null)], ranges);
        Assert.Equal("TRUE", MomentumDateRange.All.Filter());
    }
}
