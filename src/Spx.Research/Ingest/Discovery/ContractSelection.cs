namespace Spx.Research.Ingest.Discovery;

/// <summary>The options chosen for one session: what they were chosen from, and the contracts.</summary>
/// <param name="Open">The underlying's opening price the band is centred on.</param>
/// <param name="Expiry">The expiry followed; null when nothing is listed on or after the session.</param>
/// <param name="Grid">The strike spacing read from the listing; null with no expiry.</param>
/// <param name="Low">Lowest put strike allowed: the band's lower edge floored onto the grid.</param>
/// <param name="High">Highest call strike allowed: the band's upper edge ceiled onto the grid.</param>
public sealed record ContractSelection(
    DateOnly Session,
    string Underlying,
    double Open,
    DateOnly? Expiry,
    StrikeGrid? Grid,
    double Low,
    double High,
    IReadOnlyList<ListedContract> Contracts);
