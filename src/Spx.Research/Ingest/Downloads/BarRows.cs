using Spx.Research.Ingest.Discovery;
using Spx.Research.Lake;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Ingest.Downloads;

/// <summary>Aggregate bars as rows of the bar datasets (columns in declaration order, FoundationDatasets.cs).</summary>
public static class BarRows
{
    /// <summary><c>stock_bars_1s</c> / <c>stock_bars_1m</c>: volume stays NULL when the wire has none, for validation to report.</summary>
    public static UnitRows Stock(string dataset, string ticker, IReadOnlyList<AggregateBar> bars) => new(dataset, bars.Count, appender =>
    {
        foreach (var bar in bars)
        {
            appender.CreateRow().AppendValue(ticker).AppendValue(bar.Start).AppendValue(bar.Open).AppendValue(bar.High)
                .AppendValue(bar.Low).AppendValue(bar.Close).AppendValue(bar.Volume).AppendValue(bar.Vwap).AppendValue(bar.Transactions).EndRow();
        }
    });

    /// <summary><c>index_bars_1m</c>: indices have no volume.</summary>
    public static UnitRows Index(string ticker, IReadOnlyList<AggregateBar> bars) => new(FoundationDatasets.IndexBars1m.Name, bars.Count, appender =>
    {
        foreach (var bar in bars)
            appender.CreateRow().AppendValue(ticker).AppendValue(bar.Start).AppendValue(bar.Open).AppendValue(bar.High).AppendValue(bar.Low).AppendValue(bar.Close).EndRow();
    });

    /// <summary><c>option_bars_1m</c> of several contracts, with each contract's terms; option volume counts contracts.</summary>
    public static UnitRows Options(string underlying, IReadOnlyList<(ListedContract Contract, IReadOnlyList<AggregateBar> Bars)> contracts) =>
        new(FoundationDatasets.OptionBars1m.Name, contracts.Sum(c => (long)c.Bars.Count), appender =>
        {
            foreach (var (contract, bars) in contracts)
            {
                foreach (var bar in bars)
                {
                    appender.CreateRow().AppendValue(contract.Ticker).AppendValue(underlying).AppendValue(contract.Expiry)
                        .AppendValue(contract.Right.ToString()).AppendValue(contract.Strike).AppendValue(bar.Start)
                        .AppendValue(bar.Open).AppendValue(bar.High).AppendValue(bar.Low).AppendValue(bar.Close)
                        .AppendValue(bar.Volume is { } v ? (long?)Math.Round(v) : null).AppendValue(bar.Vwap).AppendValue(bar.Transactions).EndRow();
                }
            }
        });
}
