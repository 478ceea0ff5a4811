namespace Spx.Research.Polygon.WebSocket;

/// <summary>A topic sent in a subscribe/unsubscribe whose per-topic status reply has not come yet.</summary>
internal sealed class PendingReply(string topic, bool subscribe)
{
    private readonly TaskCompletionSource<SubscriptionResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Topic { get; } = topic;

    public bool Subscribe { get; } = subscribe;

    public Task<SubscriptionResult> Result => _result.Task;

    public bool Complete(string status, string message) => _result.TrySetResult(new SubscriptionResult(Topic, status, message));

    /// <summary>Whether a status message names this topic (<c>subscribed to: AM.SPY</c>).</summary>
    public bool IsNamedBy(string message) =>
        message.Length > Topic.Length
            ? message.EndsWith(Topic, StringComparison.Ordinal) && message[^(Topic.Length + 1)] is ' ' or ':' or ','
            : message == Topic;
}
