using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spx.Research.Notifications.Delivery;

namespace Spx.Research.Notifications.Formats;

/// <summary>
/// How one service wants a message: the request to build, what its secret is, and which answers are worth
/// retrying. One subclass per service, each citing the service's documentation.
/// </summary>
internal abstract class NotificationFormat
{
    private static readonly NotificationFormat[] All = [new WebhookFormat(), new SlackFormat(), new DiscordFormat(), new TelegramFormat(), new PushoverFormat()];

    /// <summary>The kinds a target may name.</summary>
    public static IReadOnlyList<string> Kinds { get; } = All.Select(f => f.Kind).ToArray();

    /// <summary>The format for a configured kind (case-insensitive), or null.</summary>
    public static NotificationFormat? ForKind(string? kind) =>
        All.FirstOrDefault(f => string.Equals(f.Kind, kind?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The configuration's name for it: <c>slack</c>, <c>telegram</c>...</summary>
    public abstract string Kind { get; }

    /// <summary>What the secret variable holds, in the user's words (for error lines).</summary>
    public abstract string SecretMeaning { get; }

    /// <summary>Whether the secret is the whole webhook URL (else a token put into <see cref="TokenPath"/>).</summary>
    public virtual bool SecretIsUrl => true;

    /// <summary>Whether a target must name a secret variable (a generic webhook may use a plain URL instead).</summary>
    public virtual bool SecretRequired => true;

    /// <summary>Whether the target needs <c>recipient</c> (a chat id, a user key).</summary>
    public virtual bool NeedsRecipient => false;

    /// <summary>What the recipient is, in the user's words.</summary>
    public virtual string RecipientMeaning => "";

    /// <summary>The service's own base URL, for token formats.</summary>
    public virtual Uri? DefaultBase => null;

    /// <summary>The path after the base URL for a token format, e.g. <c>/bot&lt;token&gt;/sendMessage</c>.</summary>
    public virtual string TokenPath(string token) => throw new NotSupportedException($"{Kind} takes a webhook URL, not a token.");

    /// <summary>The request for one notification.</summary>
    public abstract HttpRequestMessage Build(Notification notification, NotificationChannel channel);

    /// <summary>Whether an answer may succeed if repeated: timeouts, throttling, server errors.</summary>
    public virtual bool IsTransient(int status) => status is 408 or 429 or >= 500;

    /// <summary>How long the service asked us to wait before repeating, when it said so.</summary>
    public virtual TimeSpan? RetryAfter(int status, HttpResponseHeaders headers, string body, DateTimeOffset now) => RetryAfterHeader(headers, now);

    /// <summary>The standard <c>Retry-After</c> header, in seconds or as a date (RFC 9110 §10.2.3).</summary>
    protected static TimeSpan? RetryAfterHeader(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.RetryAfter is not { } retryAfter) return null;
        var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - now : null);
        return wait is { } w && w < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    /// <summary>A number of seconds at <paramref name="path"/> in a JSON body, or null when the body has none there.</summary>
    protected static TimeSpan? BodySeconds(string body, params string[] path)
    {
        try
        {
            var node = JsonNode.Parse(body);
            foreach (var name in path)
            {
                node = node is JsonObject json ? json[name] : null;
            }

            return node is JsonValue value && value.TryGetValue<double>(out var seconds) && seconds is >= 0 and < 86_400
                ? TimeSpan.FromSeconds(seconds)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Text cut to a service's length limit, ending in an ellipsis when cut.</summary>
    protected static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    /// <summary>The instant as a New York wall-clock time, e.g. <c>2025-03-03 10:30 ET</c>.</summary>
    protected static string NewYorkStamp(DateTimeOffset instant) =>
        Market.NewYorkTime.ToLocal(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " ET";

    /// <summary>The severity as a word: <c>info</c>, <c>warning</c>, <c>critical</c>.</summary>
    protected static string Word(NotificationSeverity severity) => severity.ToString().ToLowerInvariant();
}
