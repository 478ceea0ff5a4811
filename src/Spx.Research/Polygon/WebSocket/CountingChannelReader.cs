using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;

namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// The consumer's view of the event channel; it counts what the consumer actually takes, so
/// <see cref="StreamStatistics.EventsDelivered"/> is a fact and not an estimate.
/// </summary>
internal sealed class CountingChannelReader(ChannelReader<StreamEvent> inner, Action onRead) : ChannelReader<StreamEvent>
{
    public override Task Completion => inner.Completion;

    public override bool CanCount => inner.CanCount;

    public override int Count => inner.Count;

    public override bool CanPeek => inner.CanPeek;

    public override bool TryPeek([MaybeNullWhen(false)] out StreamEvent item) => inner.TryPeek(out item);

    public override bool TryRead([MaybeNullWhen(false)] out StreamEvent item)
    {
        if (!inner.TryRead(out item)) return false;
        onRead();
        return true;
    }

    public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default) =>
        inner.WaitToReadAsync(cancellationToken);
}
