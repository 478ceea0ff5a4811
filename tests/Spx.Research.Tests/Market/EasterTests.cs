using Spx.Research.Market;

namespace Spx.Research.Tests.Market;

/// <summary>
/// Gregorian Easter Sundays from the published tables (e.g. the US Naval Observatory's "Date of Easter"
/// list), including the earliest (March 22) and latest (April 25) possible dates, and the Easters behind
/// the Good Fridays in docs/market-calendar.md (2024 Mar 29, 2025 Apr 18, 2026 Apr 3, 2027 Mar 26, 2028 Apr 14).
/// </summary>
public class EasterTests
{
    [Theory]
    [InlineData("1818-03-22")] // earliest possible
    [InlineData("1943-04-25")] // latest possible
    [InlineData("1990-04-15")]
    [InlineData("1991-03-31")]
    [InlineData("2000-04-23")]
    [InlineData("2008-03-23")]
    [InlineData("2011-04-24")]
    [InlineData("2019-04-21")]
    [InlineData("2024-03-31")]
    [InlineData("2025-04-20")]
    [InlineData("2026-04-05")]
    [InlineData("2027-03-28")]
    [InlineData("2028-04-16")]
    [InlineData("2030-04-21")]
    [InlineData("2038-04-25")]
    [InlineData("2285-03-22")]
    public void Easter_sunday(string expected)
    {
        var date = Iso.Date(expected);

        Assert.Equal(date, Easter.Sunday(date.Year));
    }
}
