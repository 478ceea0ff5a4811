using System.Globalization;
using Spx.Research.Notifications;

namespace Spx.Research.Monitor.Detection;

/// <summary>
/// A stored alert as a message for people. The key is the alert's own key in the lake (session, ticker,
/// rule), so a target never gets the same alert twice, however often the poll is repeated.
/// </summary>
public static class AlertNotification
{
    /// <summary>The notification for <paramref name="alert"/>.</summary>
    public static Notification From(HedgingAlert alert)
    {
        var session = alert.Session.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new Notification($"{session}|{alert.Ticker}|{alert.Rule}", $"SPX put hedging: {alert.Rule} on {alert.Ticker}", alert.Message, alert.PollTs)
        {
            Fields =
            [
                new("strike", Number(alert.Strike)),
                new("expiry", alert.Expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new("spot", Number(alert.Spot)),
                new("day volume", Number(alert.DayVolume)),
                new("since last poll", Number(alert.VolumeDelta)),
                new("comparison", alert.ComparisonVolume is { } c ? $"{Number(c)} ({alert.Source.Name()})" : alert.Source.Name()),
                .. alert.Premium is { } p ? [new NotificationField("premium", "$" + Number(Math.Round(p)))] : Array.Empty<NotificationField>(),
            ],
        };
    }

    private static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
