namespace Spx.Research.Monitor.Polling;

/// <summary>
/// Turns a poll's contracts into rows with <c>volume_delta</c>: the day volume since the contract's previous
/// poll of the session; the whole day volume at its first poll; 0 when the volume went down (a correction,
/// reported alongside).
/// </summary>
public static class PollRowBuilder
{
    /// <summary>The delta of one contract: <paramref name="dayVolume"/> minus the previous poll's, never negative.</summary>
    public static long Delta(long dayVolume, PreviousPoll? previous) => previous is null ? dayVolume : Math.Max(0, dayVolume - previous.DayVolume);

    /// <summary>Rows for <paramref name="contracts"/>, and the contracts whose volume went down.</summary>
    /// <param name="previous">Each ticker's latest poll before <paramref name="pollTs"/> in <paramref name="session"/>.</param>
    public static (IReadOnlyList<PollRow> Rows, IReadOnlyList<VolumeCorrection> Corrections) Build(
        DateTimeOffset pollTs,
        DateOnly session,
        double spot,
        IReadOnlyList<PolledContract> contracts,
        IReadOnlyDictionary<string, PreviousPoll> previous)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        ArgumentNullException.ThrowIfNull(previous);
        var rows = new List<PollRow>(contracts.Count);
        var corrections = new List<VolumeCorrection>();
        foreach (var contract in contracts)
        {
            var ticker = contract.Ticker.ToString();
            var before = previous.GetValueOrDefault(ticker);
            if (before is not null && contract.DayVolume < before.DayVolume)
                corrections.Add(new VolumeCorrection(ticker, before.PollTs, before.DayVolume, contract.DayVolume));
            rows.Add(new PollRow(pollTs, session, spot, contract, Delta(contract.DayVolume, before)));
        }
        return (rows, corrections);
    }
}
