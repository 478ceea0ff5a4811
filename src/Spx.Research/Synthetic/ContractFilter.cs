using Spx.Research.Market;

namespace Spx.Research.Synthetic;

/// <summary>
/// Selects listed contracts for a feed, the way an ingestion job picks its universe: a root, optionally one
/// right, a band of strike/spot at the session open, a band of calendar days to expiry and optionally only
/// strikes on a coarser grid (e.g. every 25 points for a smile that does not need every listed strike).
/// </summary>
public sealed record ContractFilter(string Root, OptionRight? Right, double MinMoneyness, double MaxMoneyness, int MinDte, int MaxDte, int StrikeMultiple = 0)
{
    /// <summary>True when a contract on root <paramref name="root"/> with these terms is selected.</summary>
    public bool Matches(string root, OptionRight right, double strike, double spot, int dte) =>
        root == Root
        && (Right is null || Right == right)
        && strike >= MinMoneyness * spot && strike <= MaxMoneyness * spot
        && dte >= MinDte && dte <= MaxDte
        && (StrikeMultiple <= 0 || strike % StrikeMultiple == 0);
}
