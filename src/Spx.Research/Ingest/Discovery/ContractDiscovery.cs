namespace Spx.Research.Ingest.Discovery;

/// <summary>
/// Picks a session's near-the-money options from its listing (docs/ingest.md, "Discovery"): the expiry the
/// rule names, then calls strictly above the open up to the band's upper edge ceiled onto the listed grid, and
/// puts at or below the open down to the lower edge floored onto it. Pure: same inputs, same contracts, so the
/// stored <c>option_selection</c> can be checked against the rule.
/// </summary>
public static class ContractDiscovery
{
    /// <summary>The contracts to download for <paramref name="session"/>, sorted by expiry, right, strike.</summary>
    /// <param name="listed">The underlying's contracts listed as of the session (any expiries, both rights).</param>
    /// <exception cref="ArgumentOutOfRangeException">The open is not a positive price.</exception>
    public static ContractSelection Select(DateOnly session, string underlying, double open, IReadOnlyList<ListedContract> listed, DiscoveryRule rule)
    {
        if (!(open > 0) || !double.IsFinite(open))
            throw new ArgumentOutOfRangeException(nameof(open), open, $"{underlying} {session:yyyy-MM-dd}: the opening price must be a positive number");
        var expiry = ChooseExpiry(session, listed, rule.Expiry);
        if (expiry is null) return new ContractSelection(session, underlying, open, null, null, 0, 0, []);

        var ofExpiry = listed.Where(c => c.Expiry == expiry).ToList();
        var band = open * rule.BandPercent / 100;
        var grid = StrikeGrid.Read(ofExpiry.Select(c => c.Strike), open - band, open + band);
        var low = grid.Floor(open - band);
        var high = grid.Ceiling(open + band);
        var chosen = ofExpiry
            .Where(c => c.Right == 'C' ? c.Strike > open && c.Strike <= high : c.Right == 'P' && c.Strike <= open && c.Strike >= low)
            .OrderBy(c => c.Right).ThenBy(c => c.Strike).ThenBy(c => c.Ticker, StringComparer.Ordinal)
            .ToList();
        return new ContractSelection(session, underlying, open, expiry, grid, low, high, chosen);
    }

    /// <summary>The first listed expiry on (0DTE) or after (1DTE) the session; null when none is listed.</summary>
    public static DateOnly? ChooseExpiry(DateOnly session, IEnumerable<ListedContract> listed, ExpiryChoice choice)
    {
        var candidates = listed.Select(c => c.Expiry).Where(e => choice == ExpiryChoice.ZeroDte ? e >= session : e > session);
        return candidates.Any() ? candidates.Min() : null;
    }
}
