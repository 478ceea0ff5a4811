using DuckDB.NET.Data;
using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Pricing;

namespace Spx.Research.Consolidation;

/// <summary>
/// The pricing step of one day: reads its five inputs (<see cref="DuckDbColumnarResult"/>), solves the
/// implied volatility of each close and the greeks at it through <see cref="PricingBatch.ImpliedGreeks"/>, and
/// appends the results by row number to <see cref="ConsolidationQueries.PricedTable"/>.
/// </summary>
public static class MinutePricing
{
    /// <summary>Prices every bar of the day; returns the number of rows priced.</summary>
    public static int Run(DuckDBConnection connection, double rate, double yield)
    {
        var input = connection.ExecuteColumnar(ConsolidationQueries.PricingInputs());
        var n = input.RowCount;
        var isCall = input.GetColumn<bool>("is_call");
        var right = new OptionRight[n];
        for (var i = 0; i < n; i++) right[i] = isCall[i] ? OptionRight.Call : OptionRight.Put;
        var options = new OptionColumns(right, input.GetColumn<double>("spot"), input.GetColumn<double>("strike"),
            input.GetColumn<double>("t_years"), Filled(n, rate), Filled(n, yield));

        var iv = new double[n];
        var status = new ImpliedVolatilityStatus[n];
        var greeks = new Greeks(n);
        PricingBatch.ImpliedGreeks(options, input.GetColumn<double>("close"), iv, status, greeks.Columns);
        Append(connection, input.GetColumn<long>("rn"), iv, status, greeks);
        return n;
    }

    private static void Append(DuckDBConnection connection, long[] rn, double[] iv, ImpliedVolatilityStatus[] status, Greeks greeks)
    {
        connection.ExecuteNonQuery($"""
            CREATE OR REPLACE TABLE {ConsolidationQueries.PricedTable} (
                rn BIGINT, iv DOUBLE, status UTINYINT, delta DOUBLE, gamma DOUBLE,
                theta_per_day DOUBLE, vega_per_point DOUBLE, rho_per_point DOUBLE)
            """);
        using var appender = connection.CreateAppender(ConsolidationQueries.PricedTable);
        for (var i = 0; i < iv.Length; i++)
        {
            appender.CreateRow()
                .AppendValue(rn[i]).AppendValue(iv[i]).AppendValue((byte)status[i])
                .AppendValue(greeks.Delta[i]).AppendValue(greeks.Gamma[i]).AppendValue(greeks.Theta[i])
                .AppendValue(greeks.Vega[i]).AppendValue(greeks.Rho[i])
                .EndRow();
        }
    }

    private static double[] Filled(int n, double value)
    {
        var column = new double[n];
        Array.Fill(column, value);
        return column;
    }

    /// <summary>The kernel's output arrays (the model price is not kept: the bar's close is the price).</summary>
    private sealed class Greeks(int n)
    {
        public double[] Price { get; } = new double[n];
        public double[] Delta { get; } = new double[n];
        public double[] Gamma { get; } = new double[n];
        public double[] Theta { get; } = new double[n];
        public double[] Vega { get; } = new double[n];
        public double[] Rho { get; } = new double[n];

        public GreekColumns Columns => new(Price, Delta, Gamma, Theta, Vega, Rho);
    }
}
