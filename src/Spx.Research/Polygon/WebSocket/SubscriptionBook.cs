namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// The topics to re-subscribe after a reconnect, the subscribe/unsubscribe replies still awaited, and the
/// connection changes go out on. Callers and the receive loop use it at once, so every member takes the one
/// lock: a change either finds no connection (and the next re-subscription carries it) or the one whose
/// re-subscription snapshot was taken without it — never a connection that will also re-send it.
/// </summary>
internal sealed class SubscriptionBook
{
    private readonly Lock _gate = new();
    private readonly List<string> _topics = [];
    private readonly List<PendingReply> _pending = [];
    private StreamConnection? _live;

    public IReadOnlyList<string> Topics
    {
        get { lock (_gate) return [.. _topics]; }
    }

    /// <summary>The connection changes go out on; null between connections.</summary>
    public StreamConnection? Live
    {
        get { lock (_gate) return _live; }
    }

    /// <summary>
    /// Remembers (or forgets) <paramref name="topics"/> and returns one pending reply per topic, with the connection
    /// to send the change on (null: none now; a subscribe then goes out with the next re-subscription).
    /// </summary>
    public (List<PendingReply> Pending, StreamConnection? SendOn) Change(IReadOnlyList<string> topics, bool subscribe)
    {
        var pending = new List<PendingReply>(topics.Count);
        lock (_gate)
        {
            foreach (var topic in topics)
            {
                if (subscribe && !_topics.Contains(topic)) _topics.Add(topic);
                if (!subscribe) _topics.Remove(topic);
                var reply = new PendingReply(topic, subscribe);
                _pending.Add(reply);
                pending.Add(reply);
            }
            return (pending, _live);
        }
    }

    /// <summary>Answers <paramref name="replies"/> ourselves (timeout, cancelled, not sent).</summary>
    public void Settle(IEnumerable<PendingReply> replies, string status, string message)
    {
        lock (_gate)
        {
            foreach (var reply in replies)
            {
                _pending.Remove(reply);
                reply.Complete(status, message);
            }
        }
    }

    /// <summary>
    /// The connection ended: changes wait for the next one. An unsubscribe whose reply died with it will never be
    /// answered; the topic is already forgotten, so the new connection does not carry it. Subscribes stay pending:
    /// the re-subscription answers them.
    /// </summary>
    public void Detach()
    {
        lock (_gate)
        {
            _live = null;
            foreach (var reply in _pending.Where(p => !p.Subscribe).ToList())
            {
                _pending.Remove(reply);
                reply.Complete("connection_lost", "the connection dropped before the reply; the topic is not re-subscribed");
            }
        }
    }

    /// <summary>
    /// Makes <paramref name="connection"/> the one changes go out on and returns the topics to send on it first, in
    /// the same step; each topic gets a pending reply unless one is already waiting.
    /// </summary>
    public string[] Attach(StreamConnection connection)
    {
        lock (_gate)
        {
            _live = connection;
            string[] topics = [.. _topics];
            foreach (var topic in topics)
                if (!_pending.Any(p => p.Topic == topic && p.Subscribe))
                    _pending.Add(new PendingReply(topic, subscribe: true));
            return topics;
        }
    }

    /// <summary>
    /// Completes the pending subscribe/unsubscribe this status answers: the one its message names, else the
    /// oldest (the server answers in order, and error replies do not always name the topic). A refused topic is forgotten.
    /// </summary>
    public void Match(StatusEvent status)
    {
        lock (_gate)
        {
            if (_pending.Count == 0) return;
            var index = _pending.FindIndex(p => p.IsNamedBy(status.Message));
            if (index < 0) index = 0;
            var reply = _pending[index];
            _pending.RemoveAt(index);
            if (reply.Subscribe && status.Status != "success") _topics.Remove(reply.Topic);
            reply.Complete(status.Status, status.Message);
        }
    }

    /// <summary>The stream ended: nothing more will be answered.</summary>
    public void CloseAll()
    {
        lock (_gate)
        {
            foreach (var reply in _pending) reply.Complete("closed", "the stream ended");
            _pending.Clear();
        }
    }
}
