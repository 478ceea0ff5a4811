using Spx.Research.Market;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Monitor.Polling;

/// <summary>
/// Picks the watched contracts out of a chain snapshot: those <see cref="ContractWindow.Contains"/> accepts,
/// each once (a chain paged while it changes can repeat a contract: the first copy wins). Items without a
/// readable ticker are counted, not guessed at.
/// </summary>
public static class ContractDiscovery
{
    /// <summary>The watched contracts of <paramref name="chain"/>, in chain order, and how many items had no readable ticker.</summary>
    public static (IReadOnlyList<PolledContract> Contracts, int Unreadable) Select(IEnumerable<OptionContractSnapshot> chain, ContractWindow window)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(window);
        var contracts = new List<PolledContract>();
        var seen = new HashSet<OptionTicker>();
        var unreadable = 0;
        foreach (var item in chain)
        {
            if (!OptionTicker.TryParse(item.Details?.Ticker, out var ticker))
            {
                unreadable++;
                continue;
            }
            if (window.Contains(ticker) && seen.Add(ticker)) contracts.Add(FromSnapshot(ticker, item));
        }
        return (contracts, unreadable);
    }

    /// <summary>The values of one chain item; volume defaults to 0, everything else stays null when absent.</summary>
    public static PolledContract FromSnapshot(OptionTicker ticker, OptionContractSnapshot item)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        ArgumentNullException.ThrowIfNull(item);
        return new PolledContract(
            ticker,
            item.Day?.Volume is { } volume ? (long)Math.Round(volume) : 0,
            item.OpenInterest is { } oi ? (long)Math.Round(oi) : null,
            item.LastQuote?.Bid,
            item.LastQuote?.Ask,
            item.LastTrade?.Price,
            item.Day?.Vwap,
            item.ImpliedVolatility,
            item.Greeks?.Delta,
            item.Greeks?.Gamma,
            item.Greeks?.Theta,
            item.Greeks?.Vega);
    }
}
