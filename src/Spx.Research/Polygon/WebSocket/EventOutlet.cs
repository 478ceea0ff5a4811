using System.Threading.Channels;

namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// The bounded channel between the receive loop and the consumer: drops repeated aggregates when asked,
/// applies the back-pressure choice, and counts what goes in, what is evicted and what the consumer takes.
/// </summary>
internal sealed class EventOutlet
{
    private readonly Channel<StreamEvent> _channel;
    private readonly StreamCounters _counters;
    private readonly bool _dropOldest;
    private readonly bool _dropDuplicates;
    private readonly AggregateDeduplicator _duplicates = new(); // publishers take turns (handshake, then receive loop), never at once

    public EventOutlet(PolygonStreamOptions options, StreamCounters counters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChannelCapacity, 1, nameof(options.ChannelCapacity));
        _counters = counters;
        _dropOldest = options.BackPressure == StreamBackPressure.DropOldest;
        _dropDuplicates = options.DropDuplicates;
        var channelOptions = new BoundedChannelOptions(options.ChannelCapacity)
        {
            FullMode = _dropOldest ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        };
        _channel = Channel.CreateBounded<StreamEvent>(channelOptions, _ => counters.Dropped());
        Reader = new CountingChannelReader(_channel.Reader, counters.Delivered);
    }

    /// <summary>The consumer's side; every event read from it is counted as delivered.</summary>
    public ChannelReader<StreamEvent> Reader { get; }

    public ValueTask PublishAsync(StreamEvent ev, CancellationToken ct)
    {
        _counters.Received();
        if (_dropDuplicates && ev is AggregateEvent bar && !_duplicates.IsNew(bar))
        {
            _counters.Duplicate();
            return ValueTask.CompletedTask;
        }

        if (_dropOldest && _channel.Writer.TryWrite(ev)) return ValueTask.CompletedTask;
        return _channel.Writer.WriteAsync(ev, ct);
    }

    /// <summary>Ends the stream: the reader drains what is buffered, then completes (or throws <paramref name="error"/>).</summary>
    public void Complete(PolygonStreamException? error) => _channel.Writer.TryComplete(error);
}
