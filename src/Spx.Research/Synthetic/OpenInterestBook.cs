namespace Spx.Research.Synthetic;

/// <summary>
/// Open interest carried from session to session: the figure a snapshot shows on day D is the count after
/// D−1's trading (the OCC publishes it overnight). A contract first seen gets an initial figure of a few
/// days' expected volume; then each session's volume opens or closes positions — mostly opens while the
/// contract is far from expiry, mostly closes in its last week — and episode buying is all opening.
/// </summary>
internal sealed class OpenInterestBook
{
    private readonly Dictionary<string, (long OpenInterest, DateOnly Expiry)> _book = new(StringComparer.Ordinal);

    public long Get(ListedOption contract, double expectedDailyVolume, Random random)
    {
        if (!_book.TryGetValue(contract.Ticker, out var entry))
        {
            entry = ((long)Math.Round(expectedDailyVolume * (2 + 8 * random.NextDouble())), contract.Expiry);
            _book[contract.Ticker] = entry;
        }

        return entry.OpenInterest;
    }

    public void Settle(ListedOption contract, DateOnly date, long volume, long openingVolume, Random random)
    {
        if (!_book.TryGetValue(contract.Ticker, out var entry)) return;
        var daysLeft = contract.Expiry.DayNumber - date.DayNumber;
        var openShare = (daysLeft > 7 ? 0.62 : 0.38) + 0.1 * (random.NextDouble() - 0.5);
        var change = (long)Math.Round((volume - openingVolume) * (2 * openShare - 1)) + openingVolume;
        _book[contract.Ticker] = (Math.Max(0, entry.OpenInterest + change), entry.Expiry);
    }

    /// <summary>Forget expired contracts.</summary>
    public void Expire(DateOnly date)
    {
        foreach (var (ticker, entry) in _book)
        {
            if (entry.Expiry < date) _book.Remove(ticker);
        }
    }
}
