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
}
