using System.Text;
using Spx.Research.Polygon.WebSocket;

namespace Spx.Research.Streaming.Tests;

/// <summary>The decoder's symbol cache: one instance per symbol, found from bytes or from a string, and never wrong text.</summary>
public sealed class SymbolCacheTests
{
    [Fact]
    public void The_same_bytes_give_the_same_instance()
    {
        var cache = new SymbolCache(capacity: 10);
        var first = cache.Get("O:SPY250321P00580000"u8);
        var second = cache.Get("O:SPY250321P00580000"u8);
        Assert.Equal("O:SPY250321P00580000", first);
        Assert.Same(first, second);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void A_string_finds_what_bytes_cached_and_the_other_way_round()
    {
        var cache = new SymbolCache(capacity: 10);
        var fromBytes = cache.Get("SPY"u8);
        Assert.Same(fromBytes, cache.Get(new string("SPY".AsSpan())));
        var fromString = cache.Get(new string("I:SPX".AsSpan()));
        Assert.Same(fromString, cache.Get("I:SPX"u8));
    }

    [Fact]
    public void Similar_symbols_stay_distinct()
    {
        var cache = new SymbolCache(capacity: 10);
        Assert.Equal("SPY", cache.Get("SPY"u8));
        Assert.Equal("SPX", cache.Get("SPX"u8));
        Assert.Equal("SP", cache.Get("SP"u8));
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public void Non_ascii_text_is_decoded_but_not_cached()
    {
        var cache = new SymbolCache(capacity: 10);
        Assert.Equal("Zürich", cache.Get(Encoding.UTF8.GetBytes("Zürich")));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Invalid_utf8_is_an_error_not_a_replacement_character()
    {
        var cache = new SymbolCache(capacity: 10);
        Assert.Throws<DecoderFallbackException>(() => cache.Get([(byte)'S', 0xC3, 0x28]));
    }

    [Fact]
    public void Past_capacity_new_symbols_are_returned_but_not_kept()
    {
        var cache = new SymbolCache(capacity: 1);
        cache.Get("A"u8);
        Assert.Equal("AM", cache.Get("AM"u8));
        Assert.Equal(1, cache.Count);
    }
}
