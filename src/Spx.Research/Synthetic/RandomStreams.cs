using System.Text;
using MathNet.Numerics.Random;

namespace Spx.Research.Synthetic;

/// <summary>
/// Independent, reproducible random streams keyed by (seed, purpose, date, index). Every part of the
/// synthetic market draws from its own stream, so adding a draw in one part never shifts another's numbers,
/// and a session's intraday data depends only on the seed and the session's date.
/// </summary>
internal static class RandomStreams
{
    public static Random Create(long seed, string purpose, DateOnly date = default, long index = 0)
    {
        var hash = 14695981039346656037UL; // FNV-1a 64 of the purpose name
        foreach (var b in Encoding.UTF8.GetBytes(purpose))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        var key = SplitMix(SplitMix(SplitMix((ulong)seed ^ hash) ^ (ulong)date.DayNumber) ^ (ulong)index);
        // MathNet seeds xoshiro256** from an int through SplitMix64; fold the 64-bit key into it.
        return new Xoshiro256StarStar(unchecked((int)(key ^ (key >> 32))), threadSafe: false);
    }

    private static ulong SplitMix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
