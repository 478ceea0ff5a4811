namespace Spx.Research.Notifications.Delivery;

/// <summary>
/// A target's webhook URL or token, read from its environment variable. <see cref="Redact"/> removes it from text
/// before the text reaches a log line or an error — also the forms it takes on the wire: URL-escaped (a form
/// field) and, for a webhook URL, its path alone (servers echo paths in error bodies).
/// </summary>
internal sealed class TargetSecret
{
    /// <summary>What a secret is replaced by in text.</summary>
    public const string Mask = "***";

    private readonly string[] _forms;

    public TargetSecret(string value)
    {
        Value = value;
        var forms = new List<string> { value, Uri.EscapeDataString(value) };
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.PathAndQuery.Length > 1)
        {
            forms.Add(uri.PathAndQuery);
            forms.Add(uri.AbsolutePath);
        }

        // Longest first, so a URL is masked whole before its path is looked for.
        _forms = forms.Where(f => f.Length >= 4).Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length).ToArray();
    }

    /// <summary>The secret itself, for building the request only.</summary>
    public string Value { get; }

    /// <summary><paramref name="text"/> with every form of the secret replaced by <see cref="Mask"/>.</summary>
    public string Redact(string text)
    {
        foreach (var form in _forms)
        {
            text = text.Replace(form, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Never the secret.</summary>
    public override string ToString() => $"TargetSecret({Mask})";
}
