namespace Spx.Research.Notifications.Delivery;

/// <summary>The answer to one HTTP attempt, reduced to what retrying and reporting need.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Delivered">A 2xx: the service took the message.</param>
/// <param name="Transient">Repeating it may help (timeouts, throttling, server errors, per the format).</param>
/// <param name="RetryAfter">The wait the service asked for, if it said.</param>
/// <param name="Body">The start of the answer body, on one line, for the error text (not yet redacted).</param>
internal sealed record DeliveryAttempt(int Status, bool Delivered, bool Transient, TimeSpan? RetryAfter, string Body);
