namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// The topics to re-subscribe after a reconnect, and the subscribe/unsubscribe replies still awaited.
/// Callers and the receive loop use it at once, so every member takes the one lock.
/// </summary>
internal sealed class SubscriptionBook
{
    private readonly Lock _gate = new();
    private readonly List<string> _topics = [];
    private readonly List<PendingReply> _pending = [];

    public IReadOnlyList<string> Topics
    {
        get { lock (_gate) return [.. _topics]; }
    }

    /// <summary>Remembers (or forgets) <paramref name="topics"/> and returns one pending reply per topic.</summary>
    public List<PendingReply> Change(IReadOnlyList<string> topics, bool subscribe)
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
        }
        return pending;
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
    /// An unsubscribe whose reply died with the connection will never be answered; the topic is already forgotten,
    /// so the new connection does not carry it. Subscribes stay pending: the re-subscription answers them.
    /// </summary>
    public void SettleLostUnsubscribes()
    {
        lock (_gate)
        {
            foreach (var reply in _pending.Where(p => !p.Subscribe).ToList())
            {
                _pending.Remove(reply);
                reply.Complete("connection_lost", "the connection dropped before the reply; the topic is not re-subscribed");
            }
        }
    }

    /// <summary>The topics to send again on a new connection; each gets a pending reply unless one is already waiting.</summary>
    public string[] Resubscription()
    {
        lock (_gate)
        {
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
