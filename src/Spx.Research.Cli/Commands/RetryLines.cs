using System.Globalization;
using Spx.Research.Polygon;
using Spx.Research.Polygon.WebSocket;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// The stderr line for each retry of an <c>spx api</c> verb: what failed, which attempt of how many, and the
/// wait — so a hung or flaky endpoint shows progress instead of minutes of silence.
/// </summary>
public static class RetryLines
{
    /// <param name="attempts">Attempts in all: the first plus the retries.</param>
    public static string Rest(PolygonRetryNotice notice, int attempts) =>
        $"spx: GET {notice.Endpoint}: attempt {notice.Attempt + 1}/{attempts} failed ({notice.Reason}); retrying in {Seconds(notice.Delay)}";

    public static string Reconnect(StreamReconnectNotice notice) =>
        $"spx: stream: {notice.Reason}; reconnect attempt {notice.Attempt}/{notice.MaxAttempts} in {Seconds(notice.Delay)}";

    private static string Seconds(TimeSpan delay) => delay.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
