using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Spx.Research.Polygon.WebSocket;

namespace Spx.Research.Streaming.Tests;

/// <summary>Whatever arrives on the wire, the decoder yields events or its one typed error.</summary>
public sealed class DecoderProperties
{
    private static readonly byte[] Sample = Encoding.UTF8.GetBytes("""
        [{"ev":"status","status":"success","message":"subscribed to: AM.SPY"},
         {"ev":"AM","sym":"SPY","v":12345,"av":4567890,"op":600.12,"vw":601.5,"o":601.0,"c":601.9,"h":602.2,"l":600.8,"a":600.9,"z":55,"s":1735741800000,"e":1735741860000},
         {"ev":"A","sym":"I:SPX","op":3985.67,"o":3985.67,"c":3985.67,"h":3985.67,"l":3985.67,"s":1678220675805,"e":1678220675805},
         {"ev":"V","val":3988.5,"T":"I:SPX","t":1678220675805},
         {"ev":"T","sym":"SPY","c":[1,2],"x":{"y":null}}]
        """);

    private static bool EventsOrTypedError(byte[] frame)
    {
        try
        {
            var events = new StreamFrameDecoder().Decode(frame);
            return events.All(e => e is not null);
        }
        catch (PolygonStreamDecodeException)
        {
            return true;
        }
    }

    [Property(MaxTest = 500)]
    public bool Random_bytes(byte[] noise) => EventsOrTypedError(noise ?? []);

    [Property(MaxTest = 500)]
    public bool Random_text(string text) => EventsOrTypedError(Encoding.UTF8.GetBytes(text ?? ""));

    [Property(MaxTest = 1000)]
    public bool Mutated_valid_frame(NonNegativeInt position, byte value, NonNegativeInt cut, bool truncate)
    {
        var frame = (byte[])Sample.Clone();
        frame[position.Get % frame.Length] = value;
        return EventsOrTypedError(truncate ? frame[..(cut.Get % frame.Length)] : frame);
    }

    [Property(MaxTest = 500)]
    public bool Spliced_valid_frame(NonNegativeInt from, NonNegativeInt length, NonNegativeInt at)
    {
        var start = from.Get % Sample.Length;
        var slice = Sample.AsSpan(start, Math.Min(length.Get % 64, Sample.Length - start));
        var insert = at.Get % Sample.Length;
        byte[] frame = [.. Sample.AsSpan(0, insert), .. slice, .. Sample.AsSpan(insert)];
        return EventsOrTypedError(frame);
    }

    [Property(MaxTest = 300)]
    public bool Fields_with_random_values(string sym, double price, long time, bool asString)
    {
        var value = asString ? $"\"{price}\"" : price.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var json = $$"""[{"ev":"A","sym":{{System.Text.Json.JsonSerializer.Serialize(sym)}},"o":{{value}},"h":1,"l":1,"c":1,"s":{{time}},"e":{{time}}}]""";
        return EventsOrTypedError(Encoding.UTF8.GetBytes(json));
    }
}
