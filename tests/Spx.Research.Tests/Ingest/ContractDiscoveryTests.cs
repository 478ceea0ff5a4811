using Spx.Research.Ingest.Discovery;

namespace Spx.Research.Tests.Ingest;

/// <summary>
/// The discovery rule of docs/ingest.md, worked by hand per row: band = open × pct / 100; the lower edge floored
/// and the upper edge ceiled onto the grid read from the listing; calls strictly above the open, puts at or
/// below. Strikes are compared to 1e-9 (they are listed to the cent).
/// </summary>
public sealed class ContractDiscoveryTests
{
    private static readonly DateOnly Monday = new(2025, 3, 3);

    // id, open, band %, listed strikes ("lo:hi:step" ranges, ';'-separated), expected puts, expected calls
    [Theory]
    // SPY $1 grid: 571.30 ± 5.713 → [565.587, 577.013] → floor 565, ceil 578; puts 565..571, calls 572..578.
    [InlineData("D1", 571.30, 1.0, "550:600:1", "565,566,567,568,569,570,571", "572,573,574,575,576,577,578")]
    // Open on a strike: that strike is a put (at or below), never a call (strictly above).
    [InlineData("D2", 570.00, 0.5, "550:600:1", "567,568,569,570", "571,572,573")]
    // SPY $0.50 near the money, $1 further out: the band's finest listed step (0.5) is the grid; 570.30 ± 2.8515 → floor 567, ceil 573.5.
    [InlineData("D3", 570.30, 0.5, "550:565:1;565.5:575:0.5;576:600:1", "567,567.5,568,568.5,569,569.5,570", "570.5,571,571.5,572,572.5,573,573.5")]
    // SPX 5-point grid: 5712.34 ± 57.1234 → [5655.2166, 5769.4634] → floor 5655, ceil 5770.
    [InlineData("D4", 5712.34, 1.0, "5500:6000:5", "5655,5660,5665,5670,5675,5680,5685,5690,5695,5700,5705,5710", "5715,5720,5725,5730,5735,5740,5745,5750,5755,5760,5765,5770")]
    // A ceiled edge beyond the listing keeps only what is listed: strikes stop at 574.
    [InlineData("D5", 571.30, 1.0, "560:574:1", "565,566,567,568,569,570,571", "572,573,574")]
    // A band narrower than one step still takes the neighbouring grid strikes: 571.30 ± 0.05713 → 571 and 572.
    [InlineData("D6", 571.30, 0.01, "550:600:1", "571", "572")]
    public void Chooses_the_strikes_the_rule_names(string id, double open, double bandPercent, string strikes, string puts, string calls)
    {
        var listed = Listing(Monday, Strikes(strikes));

        var selection = ContractDiscovery.Select(Monday, "SPY", open, listed, new DiscoveryRule(ExpiryChoice.ZeroDte, bandPercent));

        Assert.True(selection.Expiry == Monday, id);
        AssertStrikes(id + " puts", puts, selection.Contracts.Where(c => c.Right == 'P'));
        AssertStrikes(id + " calls", calls, selection.Contracts.Where(c => c.Right == 'C'));
    }

    // id, session, listed expiries, choice, expected expiry (empty: none)
    [Theory]
    // Strikes 100–103, open 101.5 ± 1.015 → floor 100, ceil 103: puts 100, 101 and calls 102, 103.
    [InlineData("E1", "2025-03-03", "2025-03-03,2025-03-04,2025-03-07", "0dte", "2025-03-03")]
    [InlineData("E2", "2025-03-03", "2025-03-03,2025-03-04,2025-03-07", "1dte", "2025-03-04")]
    // No expiry on the session (weeklies only): 0DTE is the next listed one, 1DTE the one after the session too.
    [InlineData("E3", "2025-03-04", "2025-03-07,2025-03-14", "0dte", "2025-03-07")]
    [InlineData("E4", "2025-03-04", "2025-03-07,2025-03-14", "1dte", "2025-03-07")]
    // Expired contracts in the listing are never chosen.
    [InlineData("E5", "2025-03-05", "2025-03-03,2025-03-04", "0dte", "")]
    public void Follows_the_configured_listed_expiry(string id, string session, string expiries, string choice, string expected)
    {
        var day = DateOnly.Parse(session, System.Globalization.CultureInfo.InvariantCulture);
        var listed = expiries.Split(',').SelectMany(e => Listing(DateOnly.Parse(e, System.Globalization.CultureInfo.InvariantCulture), [100, 101, 102, 103])).ToList();

        var selection = ContractDiscovery.Select(day, "SPY", 101.5, listed, new DiscoveryRule(DiscoveryRule.ParseExpiry(choice), 1.0));

        Assert.True(expected == (selection.Expiry?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? ""), $"{id}: {selection.Expiry}");
        Assert.True(selection.Contracts.All(c => c.Expiry == selection.Expiry), id);
        Assert.True(expected == "" ? selection.Contracts.Count == 0 : selection.Contracts.Count == 4, $"{id}: {selection.Contracts.Count} contracts");
    }

    [Fact]
    public void A_listing_with_one_strike_has_no_grid_to_read_and_says_so()
    {
        var listed = Listing(Monday, [570]);

        var failure = Assert.Throws<ArgumentException>(() => ContractDiscovery.Select(Monday, "SPY", 570.2, listed, DiscoveryRule.Default));

        Assert.StartsWith("cannot read the strike grid: 1 distinct strike(s) listed, expected at least 2", failure.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void An_opening_price_that_is_not_positive_is_refused_naming_the_session(double open)
    {
        var failure = Assert.Throws<ArgumentOutOfRangeException>(() => ContractDiscovery.Select(Monday, "SPY", open, Listing(Monday, [1, 2]), DiscoveryRule.Default));

        Assert.Contains("SPY 2025-03-03: the opening price must be a positive number", failure.Message);
    }

    private static List<ListedContract> Listing(DateOnly expiry, IEnumerable<double> strikes) =>
        [.. strikes.SelectMany(k => new[] { 'C', 'P' }.Select(right => new ListedContract($"O:SPY{expiry:yyMMdd}{right}{k * 1000:00000000}", expiry, right, k)))];

    private static List<double> Strikes(string ranges) =>
        [.. ranges.Split(';').SelectMany(range =>
        {
            var parts = range.Split(':').Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            return Enumerable.Range(0, (int)Math.Round((parts[1] - parts[0]) / parts[2]) + 1).Select(i => Math.Round(parts[0] + i * parts[2], 2));
        })];

    private static void AssertStrikes(string id, string expected, IEnumerable<ListedContract> actual)
    {
        var want = expected.Split(',').Select(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var got = actual.Select(c => c.Strike).ToList();
        Assert.True(want.Count == got.Count && want.Zip(got).All(p => Math.Abs(p.First - p.Second) < 1e-9), $"{id}: expected [{expected}], got [{string.Join(",", got)}]");
    }
}
