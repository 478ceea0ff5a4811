using System.Threading.Channels;

namespace Spx.Research.Ingest.Streaming;

/// <summary>
/// The bounded hand-over between the readers (one per connection, plus the news poller) and the single
/// flusher. Bounded so memory stays flat: when the flusher falls behind, readers wait, the client's own
/// bounded channel fills, and the socket is read more slowly — nothing is dropped on our side.
/// </summary>
public sealed class StreamBuffer(int capacity)
{
    private readonly Channel<BufferedRow> _rows = Channel.CreateBounded<BufferedRow>(new BoundedChannelOptions(capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    /// <summary>Rows waiting, for the heartbeat.</summary>
    public int Count => _rows.Reader.Count;

    /// <summary>Hands a row to the flusher, waiting for room.</summary>
    public ValueTask AddAsync(BufferedRow row, CancellationToken cancellationToken) => _rows.Writer.WriteAsync(row, cancellationToken);

    /// <summary>No more rows will come: the flusher drains what is left and stops.</summary>
    public void Complete() => _rows.Writer.TryComplete();

    /// <summary>The flusher failed: readers waiting for room get the error instead of waiting forever.</summary>
    public void Fail(Exception error) => _rows.Writer.TryComplete(error);

    /// <summary>The flusher's side.</summary>
    public ChannelReader<BufferedRow> Reader => _rows.Reader;
}
