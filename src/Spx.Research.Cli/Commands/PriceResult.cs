using Spx.Research.Pricing;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// <see cref="PriceInput"/> priced through the batch API: sigma rows through <see cref="PricingBatch.Greeks"/>, price
/// rows through <see cref="PricingBatch.ImpliedGreeks"/>, each group as its own set of columns.
/// </summary>
internal sealed class PriceResult
{
    private PriceResult(int count)
    {
        (Price, Iv, Delta, Gamma) = (new double[count], new double[count], new double[count], new double[count]);
        (ThetaPerDay, VegaPerPoint, RhoPerPoint) = (new double[count], new double[count], new double[count]);
        (Status, Given) = (new ImpliedVolatilityStatus[count], new bool[count]);
    }

    public double[] Price { get; }
    public double[] Iv { get; }
    public double[] Delta { get; }
    public double[] Gamma { get; }
    public double[] ThetaPerDay { get; }
    public double[] VegaPerPoint { get; }
    public double[] RhoPerPoint { get; }
    public ImpliedVolatilityStatus[] Status { get; }

    /// <summary>True for a row whose sigma was given (its iv is that sigma).</summary>
    public bool[] Given { get; }

    public static PriceResult Of(PriceInput input)
    {
        var result = new PriceResult(input.Count);
        var given = Enumerable.Range(0, input.Count).Where(i => !double.IsNaN(input.Sigma[i])).ToArray();
        var solved = Enumerable.Range(0, input.Count).Where(i => double.IsNaN(input.Sigma[i])).ToArray();
        result.PriceGroup(input, given, sigma: true);
        result.PriceGroup(input, solved, sigma: false);
        return result;
    }

    /// <summary>Gathers the rows of one group into columns, prices them in one batch call, and scatters the results back.</summary>
    private void PriceGroup(PriceInput input, int[] rows, bool sigma)
    {
        double[] Pick(List<double> column) => rows.Select(i => column[i]).ToArray();
        var options = new OptionColumns(rows.Select(i => input.Right[i]).ToArray(), Pick(input.Spot), Pick(input.Strike), Pick(input.Years), Pick(input.Rate), Pick(input.Yield));
        var n = rows.Length;
        var (price, delta, gamma, theta, vega, rho) = (new double[n], new double[n], new double[n], new double[n], new double[n], new double[n]);
        var greeks = new GreekColumns(price, delta, gamma, theta, vega, rho);
        var iv = sigma ? Pick(input.Sigma) : new double[n];
        var status = new ImpliedVolatilityStatus[n];
        if (sigma) PricingBatch.Greeks(options, iv, greeks);
        else PricingBatch.ImpliedGreeks(options, Pick(input.Price), iv, status, greeks);

        for (var j = 0; j < n; j++)
        {
            var i = rows[j];
            (Price[i], Iv[i], Delta[i], Gamma[i]) = (sigma ? price[j] : input.Price[i], iv[j], delta[j], gamma[j]);
            (ThetaPerDay[i], VegaPerPoint[i], RhoPerPoint[i], Status[i], Given[i]) = (theta[j], vega[j], rho[j], status[j], sigma);
        }
    }
}
