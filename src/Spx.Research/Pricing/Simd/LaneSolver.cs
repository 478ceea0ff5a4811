using System.Runtime.CompilerServices;

namespace Spx.Research.Pricing.Simd;

/// <summary>
/// <see cref="TotalVolatilitySolver"/> over lanes: the same guess, Householder steps, bracket and stopping rules,
/// run in lockstep until every lane has settled (a settled lane keeps its result while the others go on). Each
/// lane's result depends on its own inputs only, so it is the same at every vector width.
/// </summary>
internal static class LaneSolver
{
    /// <summary>Per lane, the s with b(x, s) = β, or NaN when the steps do not settle to <paramref name="tolerance"/>.</summary>
    /// <param name="evaluations">Per lane, how many evaluations of b the solve took (as <see cref="TotalVolatilitySolver.Solve(double, double, double, out int)"/>).</param>
    public static T Solve<T>(T x, T beta, T tolerance, out T evaluations) where T : struct, ILanes<T> => Solve(x, beta, tolerance, T.True, out evaluations);

    /// <summary>As <see cref="Solve{T}(T, T, T, out T)"/> for the lanes in <paramref name="pending"/>; the others ride along, start settled and give NaN.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static T Solve<T>(T x, T beta, T tolerance, T pending, out T evaluations) where T : struct, ILanes<T>
    {
        var curve = new LaneBlack<T>(x);
        var regions = new LaneRegions<T>(curve, beta);
        var (low, high, guess) = (regions.Low, regions.High, regions.Guess);
        var inBracket = T.GreaterThan(guess, T.Create(0)) & T.GreaterThanOrEqual(guess, low) & T.LessThanOrEqual(guess, high);
        var s = T.Select(inBracket, guess, Inside(low, high));
        var terms = new Objective<T>(curve, regions, beta);
        var result = T.Create(double.NaN);
        evaluations = T.Create(0);
        for (var evaluation = 1; evaluation <= TotalVolatilitySolver.MaxIterations && T.Any(pending); evaluation++)
        {
            evaluations = T.Select(pending, T.Create(evaluation), evaluations);
            var step = terms.Step(s, out var below);
            var settled = pending & T.LessThanOrEqual(T.Abs(step), tolerance);
            result = T.Select(settled, s + step, result);
            pending = T.AndNot(pending, settled);

            low = T.Select(pending & below, s, low);
            high = T.Select(T.AndNot(pending, below), s, high);
            var closed = pending & T.LessThanOrEqual(high - low, tolerance);
            result = T.Select(closed, 0.5 * (low + high), result);
            pending = T.AndNot(pending, closed);

            var next = s + step;
            var inside = T.GreaterThan(next, low) & T.LessThan(next, high);
            s = T.Select(pending, T.Select(inside, next, Inside(low, high)), s);
        }

        return result;
    }

    /// <summary>The bracket's middle, or double its low end when it is open above (as the scalar's Inside with no guess).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Inside<T>(T low, T high) where T : struct, ILanes<T> =>
        T.Select(T.GreaterThan(high, T.Create(double.MaxValue)), T.Max(2 * low, T.Create(1e-3)), 0.5 * (low + high));

    /// <summary>Each lane's objective, by its region, and the Householder step on it.</summary>
    private readonly struct Objective<T>(LaneBlack<T> curve, LaneRegions<T> regions, T beta) where T : struct, ILanes<T>
    {
        private readonly T _betaComplement = curve.Max - beta;
        private readonly T _inverseLogBeta = 1 / regions.LogBeta;

        /// <summary>
        /// As the scalar Step: Δ = ν(1 + ν·g2/2) / (1 + ν(g2 + ν·g3/6)); <paramref name="below"/> where b(s) &lt; β. The
        /// same terms, arranged so that a vector of mixed regions needs few divisions (each costs several multiplications).
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        public T Step(T s, out T below)
        {
            curve.Evaluate(s, out var b, out var c, out var vega);
            curve.DerivativeRatios(s, out var h2, out var h3);
            below = T.Select(regions.Upper, T.GreaterThan(c, _betaComplement), T.LessThan(b, beta));

            // The middle: f = b − β, ν = −(b − β)/b'.
            var (nuTop, nuBottom) = (beta - b, vega);
            var (g2, g3) = (h2, h3);
            if (T.Any(regions.Lower | regions.Upper))
            {
                var l = T.Log(T.Any(regions.Upper) ? T.Select(regions.Upper, _betaComplement / c, b) : b);
                if (T.Any(regions.Upper))
                {
                    // f = ln(bmax − β) − ln(bmax − b), w = b'/(bmax − b): ν = −f/w.
                    var w = vega / c;
                    (nuTop, nuBottom) = (T.Select(regions.Upper, -l, nuTop), T.Select(regions.Upper, w, nuBottom));
                    g2 = T.Select(regions.Upper, w + h2, g2);
                    g3 = T.Select(regions.Upper, 2 * w * w + 3 * h2 * w + h3, g3);
                }

                if (T.Any(regions.Lower))
                {
                    // f = 1/ln b − 1/ln β, w = b'/b, no power of a tiny b formed: ν = f·l²/w.
                    var w = vega / b;
                    var inverseL = 1 / l;
                    var wOverL = w * inverseL;
                    (nuTop, nuBottom) = (T.Select(regions.Lower, (inverseL - _inverseLogBeta) * l * l, nuTop), T.Select(regions.Lower, w, nuBottom));
                    g2 = T.Select(regions.Lower, h2 - (l + 2) * wOverL, g2);
                    g3 = T.Select(regions.Lower, 2 * (l * l + 3 * l + 3) * wOverL * wOverL - 3 * (l + 2) * h2 * wOverL + h3, g3);
                }
            }

            var nu = nuTop / nuBottom;
            return nu * (1 + 0.5 * g2 * nu) / (1 + nu * (g2 + g3 * nu * (1.0 / 6)));
        }
    }
}
