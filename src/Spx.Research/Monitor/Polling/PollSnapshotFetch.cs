using Spx.Research.Polygon.Rest;

namespace Spx.Research.Monitor.Polling;

/// <summary>
/// The two requests a poll makes: spot from the unified snapshot of <c>I:SPX</c>, then the chain snapshot of
/// <c>I:SPX</c> filtered by the window on the server (type, expiry, strike), in pages of the batch size. The
/// chain items carry the details the monitor keeps (day volume, open interest, quotes, IV, Greeks), so no
/// second request per contract is needed.
/// </summary>
public sealed class PollSnapshotFetch(PolygonRestClient client)
{
    /// <summary>The index whose level is spot, and whose chain holds SPX and SPXW.</summary>
    public const string Index = "I:SPX";

    /// <summary>The level of <c>I:SPX</c> now.</summary>
    /// <exception cref="MonitorPollException">The snapshot has no positive value for <c>I:SPX</c> (the item's error is quoted).</exception>
    public async Task<double> SpotAsync(CancellationToken cancellationToken = default)
    {
        await foreach (var item in client.Snapshots([Index], 1, cancellationToken).ConfigureAwait(false))
        {
            return item switch
            {
                UnifiedSnapshot { Value: > 0 and var value } when double.IsFinite(value) => value,
                UnifiedSnapshot found => throw new MonitorPollException($"spot: the unified snapshot of {Index} has no index value (value: {Text(found.Value)})"),
                UnifiedSnapshotError error => throw new MonitorPollException($"spot: the unified snapshot of {Index} answered {error.Error}: {error.Message}"),
                _ => throw new MonitorPollException($"spot: the unified snapshot of {Index} answered an unknown item"),
            };
        }
        throw new MonitorPollException($"spot: the unified snapshot of {Index} returned no item");
    }

    /// <summary>Every chain item the server returns for <paramref name="window"/>, all pages.</summary>
    public async Task<IReadOnlyList<OptionContractSnapshot>> ChainAsync(ContractWindow window, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        var items = new List<OptionContractSnapshot>();
        await foreach (var item in client.OptionChain(Index, window.ChainQuery(pageSize), cancellationToken).ConfigureAwait(false))
            items.Add(item);
        return items;
    }

    private static string Text(double? value) => value is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none";
}
