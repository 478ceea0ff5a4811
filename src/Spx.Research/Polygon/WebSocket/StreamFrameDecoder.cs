using System.Text;
using System.Text.Json;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// Turns one WebSocket message (a JSON array of events) into <see cref="StreamEvent"/>s with a
/// <see cref="Utf8JsonReader"/> straight over the received bytes: no DOM, no intermediate strings. Symbols and
/// statuses repeat all day, so they are interned in a per-decoder cache looked up by their UTF-8 bytes, and
/// numbers take <see cref="WireNumber"/>'s fast path; a steady stream of aggregates allocates only the event
/// records themselves.
/// </summary>
/// <remarks>
/// Bad input never escapes as anything but <see cref="PolygonStreamDecodeException"/> (frame-level: not an
/// array, not JSON) or a <see cref="DecodeErrorEvent"/> in the output (event-level: a field missing or of the
/// wrong type). Not thread-safe: one decoder per receive loop.
/// </remarks>
public sealed class StreamFrameDecoder
{
    private readonly SymbolCache _symbols;
    private readonly byte[] _nameBuffer = new byte[16];

    /// <summary>Creates a decoder that caches up to <paramref name="maxInternedStrings"/> distinct symbols.</summary>
    public StreamFrameDecoder(int maxInternedStrings = 200_000) => _symbols = new SymbolCache(maxInternedStrings);

    /// <summary>Distinct strings currently cached.</summary>
    public int InternedCount => _symbols.Count;

    /// <summary>Decodes a frame into a new list.</summary>
    /// <exception cref="PolygonStreamDecodeException">The frame is not a JSON array of objects.</exception>
    public IReadOnlyList<StreamEvent> Decode(ReadOnlySpan<byte> frame)
    {
        var events = new List<StreamEvent>();
        Decode(frame, events);
        return events;
    }

    /// <summary>
    /// Appends the frame's events to <paramref name="events"/> and returns how many. On a frame-level error the
    /// events already appended stay; callers that want all-or-nothing pass a scratch list.
    /// </summary>
    /// <exception cref="PolygonStreamDecodeException">The frame is not a JSON array of objects.</exception>
    public int Decode(ReadOnlySpan<byte> frame, ICollection<StreamEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var reader = new Utf8JsonReader(frame, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        var added = 0;
        try
        {
            if (!reader.Read()) throw new PolygonStreamDecodeException("the frame is empty", 0);
            if (reader.TokenType != JsonTokenType.StartArray)
                throw new PolygonStreamDecodeException($"a frame must be a JSON array of events, not {reader.TokenType}", reader.TokenStartIndex);
            while (true)
            {
                if (!reader.Read()) throw new PolygonStreamDecodeException("the frame ends inside the array", reader.BytesConsumed);
                if (reader.TokenType == JsonTokenType.EndArray) break;
                if (reader.TokenType != JsonTokenType.StartObject)
                    throw new PolygonStreamDecodeException($"an array element is {reader.TokenType}, not an event object", reader.TokenStartIndex);
                events.Add(ReadEvent(ref reader, frame));
                added++;
            }
            if (reader.Read()) throw new PolygonStreamDecodeException("data after the end of the array", reader.TokenStartIndex);
            return added;
        }
        catch (JsonException e)
        {
            throw new PolygonStreamDecodeException($"malformed JSON ({e.Message})", reader.BytesConsumed, e);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            throw new PolygonStreamDecodeException($"unreadable value ({e.Message})", reader.BytesConsumed, e);
        }
    }

    private StreamEvent ReadEvent(ref Utf8JsonReader reader, ReadOnlySpan<byte> frame)
    {
        var start = reader.TokenStartIndex;
        string? ev = null, sym = null, ticker = null, status = null, message = null, wrongType = null;
        long? v = null, av = null, s = null, e = null, t = null;
        double? op = null, vw = null, a = null, o = null, h = null, l = null, c = null, z = null, val = null;
        var otc = false;

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.ValueIsEscaped ? UnescapedName(ref reader) : reader.ValueSpan;

            reader.Read();
            switch (name)
            {
                case [(byte)'e', (byte)'v']: ev = ReadInterned(ref reader, "ev", ref wrongType); break;
                case [(byte)'s', (byte)'y', (byte)'m']: sym = ReadInterned(ref reader, "sym", ref wrongType); break;
                case [(byte)'T']: ticker = ReadInterned(ref reader, "T", ref wrongType); break;
                case [(byte)'v']: v = ReadVolume(ref reader, "v", ref wrongType); break;
                case [(byte)'a', (byte)'v']: av = ReadVolume(ref reader, "av", ref wrongType); break;
                case [(byte)'o', (byte)'p']: op = ReadDouble(ref reader, "op", ref wrongType); break;
                case [(byte)'v', (byte)'w']: vw = ReadDouble(ref reader, "vw", ref wrongType); break;
                case [(byte)'a']: a = ReadDouble(ref reader, "a", ref wrongType); break;
                case [(byte)'o']: o = ReadDouble(ref reader, "o", ref wrongType); break;
                case [(byte)'h']: h = ReadDouble(ref reader, "h", ref wrongType); break;
                case [(byte)'l']: l = ReadDouble(ref reader, "l", ref wrongType); break;
                case [(byte)'c']: c = ReadDouble(ref reader, "c", ref wrongType); break;
                case [(byte)'z']: z = ReadDouble(ref reader, "z", ref wrongType); break;
                case [(byte)'v', (byte)'a', (byte)'l']: val = ReadDouble(ref reader, "val", ref wrongType); break;
                case [(byte)'s']: s = ReadMilliseconds(ref reader, "s", ref wrongType); break;
                case [(byte)'e']: e = ReadMilliseconds(ref reader, "e", ref wrongType); break;
                case [(byte)'t']: t = ReadMilliseconds(ref reader, "t", ref wrongType); break;
                case [(byte)'o', (byte)'t', (byte)'c']:
                    if (reader.TokenType is JsonTokenType.True or JsonTokenType.False) otc = reader.GetBoolean();
                    else Mismatch(ref reader, "otc", ref wrongType);
                    break;
                case [(byte)'s', (byte)'t', (byte)'a', (byte)'t', (byte)'u', (byte)'s']: status = ReadInterned(ref reader, "status", ref wrongType); break;
                case [(byte)'m', (byte)'e', (byte)'s', (byte)'s', (byte)'a', (byte)'g', (byte)'e']:
                    if (reader.TokenType == JsonTokenType.String) message = reader.GetString();
                    else Mismatch(ref reader, "message", ref wrongType);
                    break;
                default: reader.Skip(); break;
            }
        }

        var end = reader.BytesConsumed;
        switch (ev)
        {
            case "A" or "AM":
                var missing = sym is null ? "sym" : o is null ? "o" : h is null ? "h" : l is null ? "l" : c is null ? "c" : s is null ? "s" : e is null ? "e" : null;
                if (wrongType is not null && IsAggregateField(wrongType)) return Invalid(frame, start, end, $"{ev} event: field '{wrongType}' has the wrong type");
                if (missing is not null) return Invalid(frame, start, end, $"{ev} event: required field '{missing}' is missing");
                if (!UnixTime.TryFromMilliseconds(s!.Value, out var startTime) || !UnixTime.TryFromMilliseconds(e!.Value, out var endTime))
                    return Invalid(frame, start, end, $"{ev} event: 's'/'e' is not a Unix-millisecond time");
                return new AggregateEvent(ev, sym!, v, av, op, vw, a, o!.Value, h!.Value, l!.Value, c!.Value, z, startTime, endTime, otc);

            case "V":
                if (wrongType is "T" or "val" or "t") return Invalid(frame, start, end, $"V event: field '{wrongType}' has the wrong type");
                var missingV = ticker is null ? "T" : val is null ? "val" : t is null ? "t" : null;
                if (missingV is not null) return Invalid(frame, start, end, $"V event: required field '{missingV}' is missing");
                if (!UnixTime.TryFromMilliseconds(t!.Value, out var at)) return Invalid(frame, start, end, "V event: 't' is not a Unix-millisecond time");
                return new IndexValueEvent(ticker!, val!.Value, at);

            case "status":
                if (status is null) return Invalid(frame, start, end, wrongType is "status" ? "status event: 'status' has the wrong type" : "status event: required field 'status' is missing");
                message ??= "";
                return status switch
                {
                    "max_connections" => new DisconnectNoticeEvent(DisconnectReason.MaxConnections, status, message),
                    "force_disconnect" => new DisconnectNoticeEvent(DisconnectReason.ForceDisconnect, status, message),
                    "slow_consumer" => new DisconnectNoticeEvent(DisconnectReason.SlowConsumer, status, message),
                    _ => new StatusEvent(status, message),
                };

            default:
                return new UnknownEvent(ev ?? "", Raw(frame, start, end));
        }
    }

    private static bool IsAggregateField(string field) =>
        field is "sym" or "v" or "av" or "op" or "vw" or "a" or "o" or "h" or "l" or "c" or "z" or "s" or "e" or "otc";

    /// <summary>An escaped property name, unescaped into a reused buffer; a long one is none of ours.</summary>
    private ReadOnlySpan<byte> UnescapedName(ref Utf8JsonReader reader) =>
        reader.ValueSpan.Length <= _nameBuffer.Length ? _nameBuffer.AsSpan(0, reader.CopyString(_nameBuffer)) : default;

    private static DecodeErrorEvent Invalid(ReadOnlySpan<byte> frame, long start, long end, string reason) =>
        new(reason, Raw(frame, start, end));

    private static string Raw(ReadOnlySpan<byte> frame, long start, long end) =>
        Encoding.UTF8.GetString(frame[(int)start..(int)end]);

    private static void Mismatch(ref Utf8JsonReader reader, string field, ref string? wrongType)
    {
        wrongType ??= field;
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
    }

    private string? ReadInterned(ref Utf8JsonReader reader, string field, ref string? wrongType)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            Mismatch(ref reader, field, ref wrongType);
            return null;
        }
        return reader.ValueIsEscaped || reader.HasValueSequence ? _symbols.Get(reader.GetString()!) : _symbols.Get(reader.ValueSpan);
    }

    private static double? ReadDouble(ref Utf8JsonReader reader, string field, ref string? wrongType)
    {
        if (WireNumber.TryGetDouble(ref reader, out var value) && double.IsFinite(value)) return value;
        Mismatch(ref reader, field, ref wrongType);
        return null;
    }

    /// <summary>Volumes are integers on the wire; a fractional one (schema drift) is rounded rather than rejected.</summary>
    private static long? ReadVolume(ref Utf8JsonReader reader, string field, ref string? wrongType)
    {
        if (WireNumber.TryGetInt64(ref reader, out var whole)) return whole;
        if (WireNumber.TryGetDouble(ref reader, out var value) && double.IsFinite(value) && Math.Abs(value) < 9e18) return (long)Math.Round(value);
        Mismatch(ref reader, field, ref wrongType);
        return null;
    }

    private static long? ReadMilliseconds(ref Utf8JsonReader reader, string field, ref string? wrongType)
    {
        if (WireNumber.TryGetInt64(ref reader, out var whole)) return whole;
        if (WireNumber.TryGetDouble(ref reader, out var value) && double.IsFinite(value) && Math.Abs(value) < 9e18) return (long)Math.Floor(value);
        Mismatch(ref reader, field, ref wrongType);
        return null;
    }
}
