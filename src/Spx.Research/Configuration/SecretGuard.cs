using System.Text.RegularExpressions;

namespace Spx.Research.Configuration;

/// <summary>
/// Keeps secrets out of <c>spx.yaml</c>: files get copied, committed and printed (<c>spx config show</c>), the
/// environment does not. A key named like a secret, or a URL that carries credentials (userinfo, a token-like
/// query parameter, a Slack/Discord/Telegram webhook path), is refused — and the value is never echoed.
/// </summary>
public static partial class SecretGuard
{
    /// <summary><c>key</c>, <c>api_key</c>, <c>token</c>, <c>password</c>, <c>secret</c>, and names ending in them (<c>bot_token</c>).</summary>
    public static bool IsSecretName(string key) => SecretName().IsMatch(key);

    /// <summary>A URL whose text carries a credential. Checked on the raw text, before it is parsed or shown.</summary>
    public static bool CarriesSecret(string url) =>
        UserInfo().IsMatch(url) || SecretQuery().IsMatch(url) || SecretWebhook().IsMatch(url);

    /// <summary>A connection string (Npgsql/ADO.NET keywords) that carries a password.</summary>
    public static bool CarriesPassword(string connectionString) => ConnectionPassword().IsMatch(connectionString) || UserInfo().IsMatch(connectionString);

    [GeneratedRegex(@"(^|;)\s*(password|pwd)\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionPassword();

    [GeneratedRegex("^(.*_)?(key|apikey|token|password|passwd|secret|credentials?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    [GeneratedRegex("^[a-z][a-z0-9+.-]*://[^/?#]*@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();

    [GeneratedRegex(@"[?&][^=&#]*(key|token|secret|password|passwd|sig|signature|auth|credential)[^=&#]*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretQuery();

    /// <summary>Webhooks whose path is the credential.</summary>
    [GeneratedRegex(@"^[a-z]+://(hooks\.slack\.com/|(ptb\.|canary\.)?discord(app)?\.com/api/webhooks/|api\.telegram\.org/bot)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretWebhook();
}
