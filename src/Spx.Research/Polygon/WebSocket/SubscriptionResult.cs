namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// The server's answer for one topic of a subscribe or unsubscribe. The server answers per topic, and one
/// topic can fail (not entitled: <c>error</c>, <c>auth_required</c>) while the others succeed.
/// </summary>
/// <param name="Topic">The topic as sent, e.g. <c>AM.O:SPY251219C00650000</c>.</param>
/// <param name="Status">The wire status (<c>success</c> when it worked; <c>timeout</c> when no answer came in time).</param>
/// <param name="Message">The server's message.</param>
public sealed record SubscriptionResult(string Topic, string Status, string Message)
{
    /// <summary>True when the server answered <c>success</c>.</summary>
    public bool Succeeded => Status == "success";

    /// <summary>
    /// False when the client settled it without a reply from the server: <c>timeout</c>, <c>cancelled</c>,
    /// <c>not_sent</c>, <c>connection_lost</c> or <c>closed</c> (the stream ended first).
    /// </summary>
    public bool Answered => Status is not ("timeout" or "cancelled" or "not_sent" or "connection_lost" or "closed");
}
