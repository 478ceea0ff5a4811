using System.Globalization;
using nietras.SeparatedValues;
using Spx.Research.Market;
using Spx.Research.Pricing;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// The <c>spx price</c> result: the terms, then price, iv, the greeks in screen units (docs/pricing.md) and
/// iv_status (<c>given</c> for a sigma row, else the solver's status in snake case). NaN where there is no IV.
/// </summary>
internal static class PriceOutput
{
    public static readonly string[] Columns =
        ["type", "S", "K", "T", "r", "q", "price", "iv", "delta", "gamma", "theta_per_day", "vega_per_point", "rho_per_point", "iv_status"];

    public static void Write(TextWriter target, PriceInput input, PriceResult result)
    {
        using var writer = Sep.New(',').Writer().To(target, leaveOpen: true);
        for (var i = 0; i < input.Count; i++)
        {
            using var row = writer.NewRow();
            row["type"].Set(input.Right[i] == OptionRight.Call ? "call" : "put");
            Set(row, "S", input.Spot[i]);
            Set(row, "K", input.Strike[i]);
            Set(row, "T", input.Years[i]);
            Set(row, "r", input.Rate[i]);
            Set(row, "q", input.Yield[i]);
            Set(row, "price", result.Price[i]);
            Set(row, "iv", result.Iv[i]);
            Set(row, "delta", result.Delta[i]);
            Set(row, "gamma", result.Gamma[i]);
            Set(row, "theta_per_day", result.ThetaPerDay[i]);
            Set(row, "vega_per_point", result.VegaPerPoint[i]);
            Set(row, "rho_per_point", result.RhoPerPoint[i]);
            row["iv_status"].Set(result.Given[i] ? "given" : SnakeCase(result.Status[i]));
        }
    }

    private static void Set(SepWriter.Row row, string column, double value) =>
        row[column].Set(value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>BelowIntrinsic → below_intrinsic.</summary>
    public static string SnakeCase(ImpliedVolatilityStatus status) =>
        string.Concat(status.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
