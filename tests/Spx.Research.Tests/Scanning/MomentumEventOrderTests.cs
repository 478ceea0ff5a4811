using System.Text;
using Spx.Research.Lake;

namespace Spx.Research.Tests.Scanning;

/// <summary>
/// The events are ordered by ticker in code point order, as DuckDB orders text; the comparison the event reader and the
/// lake's batch writes use (<see cref="TextOrder"/>) takes UTF-16 order except where the two differ (a code point
/// above U+FFFF against one from U+E000 to U+FFFF).
/// </summary>
public sealed class MomentumEventOrderTests
{
    [Theory]
    [InlineData("O:SPY250303C00580000", "O:SPY250303P00575000")]
    [InlineData("O:SPY", "O:SPY250303C00580000")]
    [InlineData("O:SPY\uE000", "O:SPY\U0001F600")]
    [InlineData("O:SPY\uFFFD", "O:SPY\U00010000")]
    [InlineData("O:SPY\uD7FF", "O:SPY\U00010000")]
    [InlineData("O:SPY\U00010000", "O:SPY\U0001F600")]
    [InlineData("O:SPY", "O:SPY")]
    public void Tickers_compare_as_their_utf8_bytes_do(string a, string b)
    {
        var bytes = Math.Sign(Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b)));

        Assert.Equal(bytes, Math.Sign(TextOrder.Compare(a, b)));
        Assert.Equal(-bytes, Math.Sign(TextOrder.Compare(b, a)));
    }
}
