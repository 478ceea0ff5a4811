using Spx.Research.Scanning;

namespace Spx.Research.Tests.Scanning;

/// <summary>
/// The rule that decides whether the kernel's blocks of a date can be trusted (docs/scanner.md, "The order is
/// checked, never assumed"): each contract-day of the SQL counts is exactly one block holding all its bars, no block
/// lacks a count, and no two tickers of the date share a hash. Hand-made counts and blocks, one case per way to fail;
/// day 20000 is 2024-10-04, day 20001 the next day, which is always in order and must stay trusted.
/// </summary>
public sealed class MomentumKernelCheckTests
{
    private const int Day = 20_000;
    private const int NextDay = 20_001;

    // id, the date's counts as "ticker:hash:bars" and its blocks as "hash:bars" (space-separated), whether the date goes SQL
    [Theory]
    [InlineData("one block per contract-day, all bars", "A:1:5 B:2:3", "1:5 2:3", false)]
    [InlineData("a block short of its count (another block of it elsewhere)", "A:1:5 B:2:3", "1:4 2:3", true)]
    [InlineData("a contract-day the kernel never closed", "A:1:5 B:2:3", "1:5", true)]
    [InlineData("a block no count names", "A:1:5", "1:5 2:3", true)]
    [InlineData("two tickers of one hash", "A:1:5 B:1:5", "1:5", true)]
    public void A_date_is_trusted_only_when_its_blocks_are_its_contract_days(string id, string counts, string blocks, bool sqlWay)
    {
        var kernel = new MomentumKernelResult(
            [.. Blocks(Day, blocks), .. Blocks(NextDay, "9:2")],
            [Run(Day, 1), Run(NextDay, 9)],
            []);

        var match = MomentumKernelCheck.Match([.. Counts(Day, counts), .. Counts(NextDay, "Z:9:2")], kernel);

        Assert.True(match.SqlDates.SequenceEqual(sqlWay ? [MomentumKernelResult.Day(Day)] : []), id);
        Assert.True(match.Days.All(d => d.Count.TickerHash == d.Block.TickerHash && d.Count.Bars == d.Block.Bars), id);
        Assert.Equal(sqlWay ? ["Z"] : ["A", "Z"], match.Runs.Select(r => r.Ticker));
        Assert.Equal(sqlWay ? 1 : counts.Split(' ').Length + 1, match.Days.Count);
    }

    [Fact]
    public void A_date_the_kernel_gave_up_goes_the_sql_way_with_none_of_its_blocks()
    {
        var kernel = new MomentumKernelResult([.. Blocks(NextDay, "9:2")], [Run(NextDay, 9)], [MomentumKernelResult.Day(Day)]);

        var match = MomentumKernelCheck.Match([.. Counts(Day, "A:1:5"), .. Counts(NextDay, "Z:9:2")], kernel);

        Assert.Equal([MomentumKernelResult.Day(Day)], match.SqlDates);
        Assert.Equal(["Z"], match.Days.Select(d => d.Count.Ticker));
    }

    private static IEnumerable<MomentumKernelCount> Counts(int date, string counts) => counts.Split(' ').Select(c =>
    {
        var parts = c.Split(':');
        return new MomentumKernelCount(date, parts[0], ulong.Parse(parts[1]), long.Parse(parts[2]), "SPY", new DateOnly(2024, 10, 4), "C", 570);
    });

    private static IEnumerable<MomentumKernelDay> Blocks(int date, string blocks) => blocks.Split(' ').Select(b =>
    {
        var parts = b.Split(':');
        return new MomentumKernelDay(ulong.Parse(parts[0]), date, long.Parse(parts[1]), 1.0, 1.5, 0, 60_000_000);
    });

    private static MomentumKernelRun Run(int date, ulong hash) => new(hash, date, 0, 0, 1, 1.0, 1.5, 1.5, 0);
}
