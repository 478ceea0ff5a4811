using MathNet.Numerics;
using Spx.Research.Pricing;

namespace Spx.Research.Tests.Pricing;

/// <summary>
/// Cody's erfc, which the implied-volatility solver uses (docs/pricing.md): known values to 2e-15 relative, and
/// MathNet's erfc (which BlackScholes uses) to 1e-15·max(1, x²) relative from −6 to 26.5, the whole range where it is not 0 or 2.
/// </summary>
public sealed class CodyErfcTests
{
    [Theory]
    // erfc to 17 digits (as mpmath gives them).
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 0.47950012218695346)]
    [InlineData(1.0, 0.15729920705028513)]
    [InlineData(2.0, 0.0046777349810472658)]
    [InlineData(3.0, 2.2090496998585441e-5)]
    [InlineData(5.0, 1.5374597944280349e-12)]
    [InlineData(10.0, 2.0884875837625448e-45)]
    [InlineData(-1.0, 1.8427007929497149)]
    public void Matches_known_values(double x, double expected)
    {
        var actual = CodyErfc.Erfc(x);
        Assert.True(Math.Abs(actual / expected - 1) <= 2e-15, $"erfc({x}) = {actual:R}, expected {expected:R}");
    }

    [Fact]
    public void Agrees_with_MathNet_across_the_range()
    {
        var (worst, at) = (0.0, 0.0);
        for (var x = -6.0; x <= 26.5; x += 0.00137)
        {
            // MathNet rounds x² before e^(−x²), so it drifts by about x²·ε in the far tail; Cody splits x² (known values above).
            var difference = Math.Abs(CodyErfc.Erfc(x) / SpecialFunctions.Erfc(x) - 1) / Math.Max(1, x * x);
            if (difference > worst) (worst, at) = (difference, x);
        }

        Assert.True(worst <= 1e-15, $"worst relative difference / max(1, x²) {worst:E2} at {at:R}");
    }

    [Fact]
    public void Underflows_to_zero_and_two_at_the_ends()
    {
        Assert.Equal(0.0, CodyErfc.Erfc(27));
        Assert.Equal(2.0, CodyErfc.Erfc(-27));
        Assert.True(double.IsNaN(CodyErfc.Erfc(double.NaN)));
    }
}
