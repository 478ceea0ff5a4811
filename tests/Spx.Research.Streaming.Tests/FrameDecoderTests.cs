using System.Text;
using Spx.Research.Polygon.WebSocket;

namespace Spx.Research.Streaming.Tests;

/// <summary>Frames written from the wire contract (docs/polygon-api.md §3).</summary>
public sealed class FrameDecoderTests
{
    private static IReadOnlyList<StreamEvent> Decode(string json) => new StreamFrameDecoder().Decode(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Stock_aggregate_carries_every_field()
    {
        var ev = Assert.IsType<AggregateEvent>(Assert.Single(Decode(
            """[{"ev":"AM","sym":"SPY","v":12345,"av":4567890,"op":600.12,"vw":601.5,"o":601.0,"c":601.9,"h":602.2,"l":600.8,"a":600.9,"z":55,"s":1735741800000,"e":1735741860000}]""")));
        Assert.Equal("AM", ev.EventType);
        Assert.True(ev.IsMinute);
        Assert.Equal("SPY", ev.Symbol);
        Assert.Equal(12345, ev.Volume);
        Assert.Equal(4567890, ev.AccumulatedVolume);
        Assert.Equal(600.12, ev.OfficialOpen);
        Assert.Equal(601.5, ev.Vwap);
        Assert.Equal(600.9, ev.DayVwap);
        Assert.Equal((601.0, 602.2, 600.8, 601.9), (ev.Open, ev.High, ev.Low, ev.Close));
        Assert.Equal(55, ev.AverageTradeSize);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1735741800000), ev.Start);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1735741860000), ev.End);
        Assert.False(ev.Otc);
    }

    [Fact]
    public void Index_aggregate_has_no_volume_or_vwap()
    {
        var ev = Assert.IsType<AggregateEvent>(Assert.Single(Decode(
            """[{"ev":"A","sym":"I:SPX","op":3985.67,"o":3985.67,"c":3985.67,"h":3985.67,"l":3985.67,"s":1678220675805,"e":1678220675805}]""")));
        Assert.False(ev.IsMinute);
        Assert.Equal("I:SPX", ev.Symbol);
        Assert.Null(ev.Volume);
        Assert.Null(ev.AccumulatedVolume);
        Assert.Null(ev.Vwap);
        Assert.Null(ev.DayVwap);
        Assert.Null(ev.AverageTradeSize);
        Assert.Equal(ev.Start, ev.End);
    }

    [Fact]
    public void Index_value_uses_capital_T_for_the_ticker()
    {
        var ev = Assert.IsType<IndexValueEvent>(Assert.Single(Decode("""[{"ev":"V","val":3988.5,"T":"I:SPX","t":1678220675805}]""")));
        Assert.Equal("I:SPX", ev.Ticker);
        Assert.Equal(3988.5, ev.Value);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1678220675805), ev.Timestamp);
        Assert.Equal("V", ev.EventType);
    }

    [Fact]
    public void Mixed_frame_keeps_wire_order()
    {
        var events = Decode("""
            [{"ev":"status","status":"success","message":"subscribed to: AM.SPY"},
             {"ev":"A","sym":"O:SPY251219C00650000","v":3,"av":10,"op":1.1,"vw":1.2,"o":1.2,"c":1.2,"h":1.2,"l":1.2,"a":1.15,"z":1,"s":1,"e":1000,"otc":true},
             {"ev":"V","val":20.5,"T":"I:VIX","t":1000},
             {"ev":"T","sym":"SPY","p":600.1,"s":100,"t":1000,"c":[12,37]}]
            """);
        Assert.Collection(events,
            e => Assert.Equal(new StatusEvent("success", "subscribed to: AM.SPY"), e),
            e => Assert.True(Assert.IsType<AggregateEvent>(e).Otc),
            e => Assert.Equal("I:VIX", Assert.IsType<IndexValueEvent>(e).Ticker),
            e =>
            {
                var unknown = Assert.IsType<UnknownEvent>(e);
                Assert.Equal("T", unknown.EventType);
                Assert.Equal("""{"ev":"T","sym":"SPY","p":600.1,"s":100,"t":1000,"c":[12,37]}""", unknown.RawJson);
            });
    }

    [Theory]
    [InlineData("connected", "Connected Successfully")]
    [InlineData("success", "Connected Successfully")]
    [InlineData("auth_success", "authenticated")]
    [InlineData("auth_failed", "authentication failed")]
    public void Handshake_statuses_are_status_events(string status, string message)
    {
        Assert.Equal(new StatusEvent(status, message), Assert.Single(Decode($$"""[{"ev":"status","status":"{{status}}","message":"{{message}}"}]""")));
    }

    [Theory]
    [InlineData("max_connections", DisconnectReason.MaxConnections)]
    [InlineData("force_disconnect", DisconnectReason.ForceDisconnect)]
    [InlineData("slow_consumer", DisconnectReason.SlowConsumer)]
    public void Disconnect_statuses_are_typed_notices(string status, DisconnectReason reason)
    {
        var notice = Assert.IsType<DisconnectNoticeEvent>(Assert.Single(Decode($$"""[{"ev":"status","status":"{{status}}","message":"bye"}]""")));
        Assert.Equal(reason, notice.Reason);
        Assert.Equal("bye", notice.Message);
    }

    [Fact]
    public void Empty_array_is_no_events() => Assert.Empty(Decode("[]"));

    [Fact]
    public void Object_without_ev_is_unknown()
    {
        var unknown = Assert.IsType<UnknownEvent>(Assert.Single(Decode("""[{"x":{"nested":[1,{"y":2}]}}]""")));
        Assert.Equal("", unknown.EventType);
    }

    [Fact]
    public void Field_order_and_escapes_do_not_matter()
    {
        var ev = Assert.IsType<AggregateEvent>(Assert.Single(Decode(
            """[{"e":2,"s":1,"l":1,"h":1,"c":1,"o":1,"\u0073ym":"S\u0050Y","\u0065v":"A"}]""")));
        Assert.Equal("SPY", ev.Symbol);
    }

    [Fact]
    public void Aggregate_missing_a_field_becomes_a_decode_error_event_and_the_rest_of_the_frame_survives()
    {
        var events = Decode("""[{"ev":"AM","sym":"SPY","o":1,"h":1,"l":1,"s":1,"e":2},{"ev":"V","val":1,"T":"I:SPX","t":5}]""");
        var error = Assert.IsType<DecodeErrorEvent>(events[0]);
        Assert.Contains("'c'", error.Reason);
        Assert.Contains("\"sym\":\"SPY\"", error.RawJson);
        Assert.IsType<IndexValueEvent>(events[1]);
    }

    [Fact]
    public void Aggregate_with_a_wrong_type_becomes_a_decode_error_event()
    {
        var error = Assert.IsType<DecodeErrorEvent>(Assert.Single(Decode("""[{"ev":"A","sym":"SPY","o":"1","h":1,"l":1,"c":1,"s":1,"e":2}]""")));
        Assert.Contains("'o'", error.Reason);
    }

    [Fact]
    public void Huge_frame_decodes()
    {
        var builder = new StringBuilder("[");
        const int count = 50_000;
        for (var i = 0; i < count; i++)
        {
            if (i > 0) builder.Append(',');
            builder.Append($$"""{"ev":"A","sym":"O:SPXW240104C0{{4600000 + i % 200 * 5000}}","v":{{i}},"av":{{i * 2}},"op":1,"vw":1,"o":1,"c":1,"h":1,"l":1,"a":1,"z":1,"s":{{i}},"e":{{i + 1000}}}""");
        }
        builder.Append(']');
        var decoder = new StreamFrameDecoder();
        var events = decoder.Decode(Encoding.UTF8.GetBytes(builder.ToString()));
        Assert.Equal(count, events.Count);
        Assert.Equal(count - 1, Assert.IsType<AggregateEvent>(events[^1]).Volume);
        Assert.Equal(200, decoder.InternedCount - 1); // 200 distinct symbols plus the ev value "A"
    }

    [Fact]
    public void Repeated_symbols_are_the_same_string_instance()
    {
        var decoder = new StreamFrameDecoder();
        var frame = Encoding.UTF8.GetBytes("""[{"ev":"V","val":1,"T":"I:SPX","t":1}]""");
        var first = Assert.IsType<IndexValueEvent>(decoder.Decode(frame)[0]);
        var second = Assert.IsType<IndexValueEvent>(decoder.Decode(frame)[0]);
        Assert.Same(first.Ticker, second.Ticker);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{\"ev\":\"status\"}")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    [InlineData("[")]
    [InlineData("[{\"ev\":\"A\",\"sym\":\"SPY\"")]
    [InlineData("[{\"ev\":\"A\",]")]
    [InlineData("[1,2]")]
    [InlineData("[[]]")]
    [InlineData("[] []")]
    [InlineData("[]x")]
    [InlineData("[{\"ev\":\"V\" \"val\":1}]")]
    [InlineData("[{'ev':'V'}]")]
    [InlineData("[{\"ev\":\"V\"}] // comment")]
    public void Malformed_or_truncated_frames_throw_the_typed_error(string json)
    {
        Assert.Throws<PolygonStreamDecodeException>(() => Decode(json));
    }

    [Fact]
    public void Invalid_utf8_throws_the_typed_error()
    {
        byte[] frame = [.. "[{\"ev\":\"V\",\"T\":\""u8, 0xC3, 0x28, .. "\",\"val\":1,\"t\":1}]"u8];
        Assert.Throws<PolygonStreamDecodeException>(() => new StreamFrameDecoder().Decode(frame));
    }

    [Fact]
    public void Too_deep_nesting_throws_the_typed_error()
    {
        var json = "[{\"x\":" + new string('[', 200) + new string(']', 200) + "}]";
        Assert.Throws<PolygonStreamDecodeException>(() => Decode(json));
    }

    [Fact]
    public void Out_of_range_timestamp_is_an_event_error_not_a_crash()
    {
        Assert.IsType<DecodeErrorEvent>(Assert.Single(Decode("""[{"ev":"V","val":1,"T":"I:SPX","t":99999999999999999}]""")));
    }
}
