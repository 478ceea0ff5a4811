using Spx.Research.Configuration;
using Spx.Research.Notifications.Formats;

namespace Spx.Research.Notifications.Delivery;

/// <summary>
/// Turns a <see cref="NotificationTarget"/> into a <see cref="NotificationChannel"/>, or into one line saying why it
/// cannot be used (unknown kind, secret variable unset, recipient missing). The line names the target and the
/// variable, never the variable's value.
/// </summary>
internal static class ChannelResolver
{
    public static NotificationChannel? Resolve(NotificationTarget target, Func<string, string?> readEnvironment, out string? problem)
    {
        var label = $"{target.Name} ({target.Kind})";
        if (NotificationFormat.ForKind(target.Kind) is not { } format)
        {
            problem = $"notify {label}: unknown kind '{target.Kind}'; expected one of {string.Join(", ", NotificationFormat.Kinds)}.";
            return null;
        }

        if (target.Url is { } url && !IsHttp(url))
        {
            problem = $"notify {label}: url '{url}' is not an absolute http(s) URL.";
            return null;
        }

        if (format.NeedsRecipient && string.IsNullOrWhiteSpace(target.Recipient))
        {
            problem = $"notify {label}: recipient is not set; expected the {format.RecipientMeaning}.";
            return null;
        }

        TargetSecret? secret = null;
        if (string.IsNullOrWhiteSpace(target.SecretVariable))
        {
            if (format.SecretRequired || target.Url is null)
            {
                problem = $"notify {label}: secret_variable is not set; expected the name of the environment variable that holds the {format.SecretMeaning}.";
                return null;
            }
        }
        else
        {
            var value = readEnvironment(target.SecretVariable)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                problem = $"notify {label}: the environment variable {target.SecretVariable} is not set; expected the {format.SecretMeaning}.";
                return null;
            }

            secret = new TargetSecret(value);
        }

        problem = null;
        var endpoint = secret is null ? target.Url! : Endpoint(format, target, secret, label, out problem);
        return endpoint is null ? null : new NotificationChannel(target.Name, format, endpoint, secret, target.Recipient?.Trim());
    }

    /// <summary>
    /// The POST URL from the secret. A webhook URL secret is used as is, with its scheme, host and port replaced by
    /// <see cref="NotificationTarget.Url"/> when that is set (a proxy, a test receiver); a token goes into the
    /// format's path under <see cref="NotificationTarget.Url"/> or the service's own base URL.
    /// </summary>
    private static Uri? Endpoint(NotificationFormat format, NotificationTarget target, TargetSecret secret, string label, out string? problem)
    {
        problem = null;
        if (format.SecretIsUrl)
        {
            if (!Uri.TryCreate(secret.Value, UriKind.Absolute, out var hook) || !IsHttp(hook))
            {
                problem = $"notify {label}: the environment variable {target.SecretVariable} does not hold an absolute http(s) URL; expected the {format.SecretMeaning}.";
                return null;
            }

            if (target.Url is not { } origin) return hook;
            return new UriBuilder(hook) { Scheme = origin.Scheme, Host = origin.Host, Port = origin.Port }.Uri;
        }

        if (secret.Value.Any(c => char.IsWhiteSpace(c) || c is '/' or '?' or '#'))
        {
            problem = $"notify {label}: the environment variable {target.SecretVariable} holds a token with whitespace or URL characters; check how it was copied.";
            return null;
        }

        var baseUri = target.Url ?? format.DefaultBase!;
        return new Uri(baseUri.AbsoluteUri.TrimEnd('/') + format.TokenPath(secret.Value));
    }

    private static bool IsHttp(Uri uri) => uri.IsAbsoluteUri && uri.Scheme is "http" or "https";
}
