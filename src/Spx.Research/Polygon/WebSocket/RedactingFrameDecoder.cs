namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// Decodes received messages for the client: a frame that cannot be decoded becomes one
/// <see cref="DecodeErrorEvent"/> instead of an exception, every text that came from the wire has the key
/// removed (a server may echo it), and decode errors and unknown events are counted.
/// </summary>
/// <remarks>Returns one reused list: read it before decoding the next message. One decoder per client; connections take turns.</remarks>
internal sealed class RedactingFrameDecoder(ApiKey key, StreamCounters counters)
{
    private const int RawPreviewChars = 4096;

    private readonly StreamFrameDecoder _decoder = new();
    private readonly List<StreamEvent> _scratch = [];

    public List<StreamEvent> Decode(ReadOnlySpan<byte> frame)
    {
        _scratch.Clear();
        try
        {
            _decoder.Decode(frame, _scratch);
        }
        catch (PolygonStreamDecodeException e)
        {
            _scratch.Clear();
            var text = System.Text.Encoding.UTF8.GetString(frame[..Math.Min(frame.Length, RawPreviewChars)]);
            _scratch.Add(new DecodeErrorEvent(e.Message, text));
        }
        for (var i = 0; i < _scratch.Count; i++)
        {
            switch (_scratch[i])
            {
                case DecodeErrorEvent bad:
                    counters.DecodeError();
                    _scratch[i] = bad with { Reason = key.Redact(bad.Reason), RawJson = key.Redact(bad.RawJson) };
                    break;
                case UnknownEvent unknown:
                    counters.Unknown();
                    _scratch[i] = unknown with { RawJson = key.Redact(unknown.RawJson) };
                    break;
                case StatusEvent status:
                    _scratch[i] = status with { Message = key.Redact(status.Message) };
                    break;
            }
        }
        return _scratch;
    }

    /// <summary>The notice for a message larger than the limit, which was read past and discarded.</summary>
    public List<StreamEvent> Oversized(int maxMessageBytes)
    {
        _scratch.Clear();
        counters.DecodeError();
        _scratch.Add(new DecodeErrorEvent($"message larger than {maxMessageBytes} bytes, discarded", ""));
        return _scratch;
    }
}
