namespace Spx.Research.Simulation;

/// <summary>
/// Open interest carried from session to session: the figure a snapshot shows on day D is the count after
/// D−1's trading (the OCC publishes it overnight). A contract first seen gets an initial figure of a few
/// days' expected volume; then each session's volume opens or closes positions — mostly opens while the
/// contract is far from expiry, mostly closes in its last week — and episode buying is all opening.
/// </summary>
internal sealed class OpenInterestBook
{
    private readonly Dictionary<string, long> _openInterest = new(StringComparer.Ordinal);

    public long Get(ListedOption contract, double expectedDailyVolume, Random random)
    {
        if (!_openInterest.TryGetValue(contract.Ticker, out var value))
        {
            value = (long)Math.Round(expectedDailyVolume * (2 + 8 * random.NextDouble()));
            _openInterest[contract.Ticker] = value;
        }

        return value;
    }

    public void Settle(ListedOption contract, DateOnly date, long volume, long openingVolume, Random random)
    {
        if (!_openInterest.TryGetValue(contract.Ticker, out var value)) return;
        var daysLeft = contract.Expiry.DayNumber - date.DayNumber;
        var openShare = (daysLeft > 7 ? 0.62 : 0.38) + 0.1 * (random.NextDouble() - 0.5);
        var change = (long)Math.Round((volume - openingVolume) * (2 * openShare - 1)) + openingVolume;
        _openInterest[contract.Ticker] = Math.Max(0, value + change);
    }

    /// <summary>Forget expired contracts.</summary>
    public void Expire(DateOnly date) =>
        _openInterest.Keys.Where(t => Market.OptionTicker.Parse(t).Expiry < date).ToList().ForEach(t => _openInterest.Remove(t));
}
