using Spx.Research.Pricing;

namespace Spx.Research.Tests.Pricing;

/// <summary>
/// The normalised solver (docs/pricing.md, "Implied volatility"): over x = ln(F/K) from −4 to 0 and s = σ√t from
/// 1e-4 to 8, it finds s back from b(x, s) within its tolerance in two or three evaluations (four at most, near the lower tangent point) — the count is what makes
/// it fast, so it is pinned here rather than timed.
/// </summary>
public sealed class TotalVolatilitySolverTests
{
    [Fact]
    public void Finds_s_back_in_three_evaluations_on_average_and_four_at_most()
    {
        double[] xs = [-4, -2, -1, -0.5, -0.2, -0.05, -0.01, -1e-3, -1e-5, 0];
        var counts = new List<int>();
        var slow = new List<string>();
        foreach (var x in xs)
        for (var logS = -4.0; logS <= Math.Log10(8); logS += 0.25)
        {
            var s = Math.Pow(10, logS);
            var beta = new NormalisedBlack(x).Price(s);
            if (!(beta > 1e-250) || beta >= Math.Exp(0.5 * x) * (1 - 1e-12)) continue;

            var found = TotalVolatilitySolver.Solve(x, beta, 1e-14, out var evaluations);

            Assert.True(Math.Abs(found - s) <= 1e-12 * Math.Max(s, 1), $"x {x} s {s:R}: found {found:R} after {evaluations}");
            counts.Add(evaluations);
            if (evaluations > 3) slow.Add($"x {x} s {s:R}: {evaluations}");
        }

        Assert.True(counts.Count > 100, $"only {counts.Count} points were checked");
        Assert.True(counts.Average() <= 3, $"{counts.Average():F2} evaluations on average");
        Assert.True(counts.Max() <= 4, $"up to {counts.Max()} evaluations; slow: {string.Join(" / ", slow)}; histogram {string.Join(", ", counts.GroupBy(c => c).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"))}");
    }
}
