using Spx.Research.Market;

namespace Spx.Research.Tests.Market;

/// <summary>
/// Polygon option tickers (OCC symbology behind an <c>O:</c> prefix): root, yymmdd, C/P, strike × 1000 in
/// 8 digits. Rows follow Polygon's documented example <c>O:SPXW241220P05800000</c> and the Cboe SPX spec
/// for styles (SPX AM-settled European, SPXW PM-settled European, SPY American).
/// </summary>
public class OptionTickerTests
{
    [Theory]
    [InlineData("O:SPXW241220P05800000", "SPXW", "2024-12-20", OptionRight.Put, "5800")]
    [InlineData("O:SPX241220C05800000", "SPX", "2024-12-20", OptionRight.Call, "5800")]
    [InlineData("O:SPY240517C00512500", "SPY", "2024-05-17", OptionRight.Call, "512.5")]
    [InlineData("O:SPY240517P00512125", "SPY", "2024-05-17", OptionRight.Put, "512.125")]
    [InlineData("O:SPY240517P00000500", "SPY", "2024-05-17", OptionRight.Put, "0.5")]
    [InlineData("O:SPY1241220C00500000", "SPY1", "2024-12-20", OptionRight.Call, "500")] // adjusted root ending in a digit
    [InlineData("O:SPXW250117P04500500", "SPXW", "2025-01-17", OptionRight.Put, "4500.5")]
    [InlineData("O:X250117C00001000", "X", "2025-01-17", OptionRight.Call, "1")]
    [InlineData("O:SPXW991231C99999999", "SPXW", "2099-12-31", OptionRight.Call, "99999.999")]
    [InlineData("O:SPXW000101P00000001", "SPXW", "2000-01-01", OptionRight.Put, "0.001")]
    public void Parse_reads_each_part_and_ToString_round_trips(string ticker, string root, string expiry, OptionRight right, string strike)
    {
        var parsed = OptionTicker.Parse(ticker);

        Assert.Equal(root, parsed.Root);
        Assert.Equal(Iso.Date(expiry), parsed.Expiry);
        Assert.Equal(right, parsed.Right);
        Assert.Equal(decimal.Parse(strike, System.Globalization.CultureInfo.InvariantCulture), parsed.Strike);
        Assert.Equal(ticker, parsed.ToString());
        Assert.Equal(ticker, new OptionTicker(root, Iso.Date(expiry), right, parsed.Strike).ToString());
        Assert.True(OptionTicker.TryParse(ticker, out var tried));
        Assert.Equal(parsed, tried);
        Assert.Equal(parsed, OptionTicker.Parse(ticker.AsSpan()));
    }

    [Fact]
    public void Strike_keeps_its_value_whatever_the_decimal_scale()
    {
        var a = new OptionTicker("SPY", Iso.Date("2024-05-17"), OptionRight.Call, 512.500m);
        var b = new OptionTicker("SPY", Iso.Date("2024-05-17"), OptionRight.Call, 512.5m);

        Assert.Equal("O:SPY240517C00512500", a.ToString());
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a == b);
        Assert.Single(new HashSet<OptionTicker> { a, b });
    }

    [Fact]
    public void Contracts_differing_in_any_part_are_different()
    {
        var put = OptionTicker.Parse("O:SPXW241220P05800000");

        Assert.NotEqual(put, OptionTicker.Parse("O:SPX241220P05800000"));
        Assert.NotEqual(put, OptionTicker.Parse("O:SPXW241220C05800000"));
        Assert.NotEqual(put, OptionTicker.Parse("O:SPXW241219P05800000"));
        Assert.NotEqual(put, OptionTicker.Parse("O:SPXW241220P05805000"));
        Assert.True(put != OptionTicker.Parse("O:SPXW241220P05805000"));
        Assert.False(put.Equals(null));
    }

    /// <summary>Cboe SPX product specification: SPX monthly AM / SPXW PM, both European and cash; SPY American, shares.</summary>
    [Theory]
    [InlineData("O:SPX241220C05800000", OptionExercise.European, SettlementTiming.AmSettled, SettlementMethod.Cash, "SPX")]
    [InlineData("O:SPXW241220C05800000", OptionExercise.European, SettlementTiming.PmSettled, SettlementMethod.Cash, "SPX")]
    [InlineData("O:SPY241220C00580000", OptionExercise.American, SettlementTiming.PmSettled, SettlementMethod.Physical, "SPY")]
    [InlineData("O:SPY1241220C00580000", OptionExercise.American, SettlementTiming.PmSettled, SettlementMethod.Physical, "SPY1")]
    public void Style_and_underlying_follow_the_root(string ticker, OptionExercise exercise, SettlementTiming timing, SettlementMethod method, string underlying)
    {
        var contract = OptionTicker.Parse(ticker);

        Assert.Equal(new OptionStyle(exercise, timing, method), contract.Style);
        Assert.Equal(underlying, contract.Underlying);
    }

    [Theory]
    [InlineData("SPXW241220P05800000", "missing the 'O:' prefix")]
    [InlineData("o:SPXW241220P05800000", "missing the 'O:' prefix")]
    [InlineData(" O:SPXW241220P05800000", "missing the 'O:' prefix")]
    [InlineData("", "missing the 'O:' prefix")]
    [InlineData("O:", "the strike must be the last 8 digits (strike × 1000), found 0 trailing digits")]
    [InlineData("O:SPXW241220P5800000", "the strike must be the last 8 digits (strike × 1000), found 7 trailing digits")]
    [InlineData("O:SPXW241220P058000000", "the strike must be the last 8 digits (strike × 1000), found 9 trailing digits")]
    [InlineData("O:SPXW241220P05800.00", "the strike must be the last 8 digits (strike × 1000), found 2 trailing digits")]
    [InlineData("O:SPXW241220X05800000", "the right letter must be 'C' or 'P', found 'X'")]
    [InlineData("O:SPXW241220c05800000", "the right letter must be 'C' or 'P', found 'c'")]
    [InlineData("O:SPXW24122005800000", "missing the right letter 'C' or 'P' before the 8-digit strike")]
    [InlineData("O:05800000", "missing the right letter 'C' or 'P' before the strike")]
    [InlineData("O:SPXW241320P05800000", "the expiry '241320' is not a valid yymmdd date")]
    [InlineData("O:SPXW230229P05800000", "the expiry '230229' is not a valid yymmdd date")]
    [InlineData("O:SPXW241200P05800000", "the expiry '241200' is not a valid yymmdd date")]
    [InlineData("O:SPXW2412P05800000", "the expiry before the right letter must be 6 digits yymmdd, found 'XW2412'")]
    [InlineData("O:1220P05800000", "the expiry before the right letter must be 6 digits yymmdd, found '1220'")]
    [InlineData("O:241220P05800000", "the root (e.g. SPX, SPXW, SPY) before the yymmdd expiry is empty")]
    [InlineData("O:spxw241220P05800000", "the root 'spxw' must be 1–6 upper-case letters or digits")]
    [InlineData("O:SPX.W241220P05800000", "the root 'SPX.W' must be 1–6 upper-case letters or digits")]
    [InlineData("O:SPXWEEK241220P05800000", "the root 'SPXWEEK' must be 1–6 upper-case letters or digits")]
    [InlineData("O:SPXW241220P00000000", "the strike is zero")]
    public void Malformed_ticker_is_a_FormatException_quoting_it_and_naming_the_problem(string ticker, string problem)
    {
        var error = Assert.Throws<FormatException>(() => OptionTicker.Parse(ticker));

        Assert.StartsWith($"Invalid option ticker '{ticker}': {problem}.", error.Message);
        Assert.Contains("Expected O:<root><yymmdd><C|P><strike × 1000 as 8 digits>", error.Message);
        Assert.False(OptionTicker.TryParse(ticker, out var result));
        Assert.Null(result);
        Assert.False(OptionTicker.TryParse(ticker.AsSpan(), out _));
        Assert.Throws<FormatException>(() => OptionTicker.Parse(ticker.AsSpan()));
    }

    [Fact]
    public void Null_is_rejected_by_Parse_and_false_from_TryParse()
    {
        Assert.Throws<ArgumentNullException>(() => OptionTicker.Parse((string)null!));
        Assert.False(OptionTicker.TryParse((string?)null, out _));
    }

    [Fact]
    public void Very_long_garbage_is_quoted_truncated()
    {
        var garbage = "O:" + new string('Z', 500);

        var error = Assert.Throws<FormatException>(() => OptionTicker.Parse(garbage));

        Assert.Contains("'O:ZZZZ", error.Message);
        Assert.True(error.Message.Length < 400);
    }

    [Fact]
    public void Works_through_IParsable()
    {
        Assert.Equal("O:SPXW241220P05800000", ParseAs<OptionTicker>("O:SPXW241220P05800000").ToString());

        static T ParseAs<T>(string s) where T : IParsable<T> => T.Parse(s, null);
    }

    public static TheoryData<string, Func<OptionTicker>> InvalidParts => new()
    {
        { "root", () => new OptionTicker("", Iso.Date("2024-12-20"), OptionRight.Put, 5800m) },
        { "root", () => new OptionTicker("spx", Iso.Date("2024-12-20"), OptionRight.Put, 5800m) },
        { "root", () => new OptionTicker("SPXWEEK", Iso.Date("2024-12-20"), OptionRight.Put, 5800m) },
        { "expiry", () => new OptionTicker("SPX", Iso.Date("1999-12-17"), OptionRight.Put, 5800m) },
        { "expiry", () => new OptionTicker("SPX", Iso.Date("2100-01-15"), OptionRight.Put, 5800m) },
        { "right", () => new OptionTicker("SPX", Iso.Date("2024-12-20"), (OptionRight)7, 5800m) },
        { "strike", () => new OptionTicker("SPX", Iso.Date("2024-12-20"), OptionRight.Put, 0m) },
        { "strike", () => new OptionTicker("SPX", Iso.Date("2024-12-20"), OptionRight.Put, -5m) },
        { "strike", () => new OptionTicker("SPX", Iso.Date("2024-12-20"), OptionRight.Put, 100_000m) },
        { "strike", () => new OptionTicker("SPX", Iso.Date("2024-12-20"), OptionRight.Put, 512.0005m) },
    };

    [Theory]
    [MemberData(nameof(InvalidParts))]
    public void Constructor_rejects_parts_that_cannot_be_written_as_a_ticker(string parameter, Func<OptionTicker> create)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => create());

        Assert.Equal(parameter, error.ParamName);
    }
}
