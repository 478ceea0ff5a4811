namespace Spx.Research.Polygon;

/// <summary>
/// The Polygon/Massive API key. It is a secret: <see cref="ToString"/> never shows it, and
/// <see cref="Redact"/> removes it from any text before that text reaches a log, an exception, a report, a
/// notebook output or a lake file. Only the HTTP and WebSocket layers read <see cref="Reveal"/>.
/// </summary>
public sealed class ApiKey : IEquatable<ApiKey>
{
    /// <summary>Environment variables read by <see cref="FromEnvironment"/>, in order.</summary>
    public static IReadOnlyList<string> EnvironmentVariables { get; } = ["MASSIVE_API_KEY", "POLYGON_API_KEY"];

    /// <summary>What a key is replaced by in text.</summary>
    public const string Mask = "***";

    private readonly string _value;

    /// <exception cref="ArgumentException">The key is empty or contains whitespace (a copy-paste accident).</exception>
    public ApiKey(string value)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException("the API key is empty", nameof(value));
        if (value.Any(char.IsWhiteSpace)) throw new ArgumentException("the API key contains whitespace; check how it was copied", nameof(value));
        _value = value;
    }

    /// <summary>The key from <c>MASSIVE_API_KEY</c>, else <c>POLYGON_API_KEY</c>; null when neither is set.</summary>
    public static ApiKey? FromEnvironment(Func<string, string?>? read = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        return EnvironmentVariables.Select(read).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) is { } value ? new ApiKey(value.Trim()) : null;
    }

    /// <summary>The secret itself, for the Authorization header and the WebSocket auth message only.</summary>
    public string Reveal() => _value;

    /// <summary><paramref name="text"/> with every occurrence of the key replaced by <see cref="Mask"/>.</summary>
    public string Redact(string? text) =>
        string.IsNullOrEmpty(text) ? text ?? "" : text.Replace(_value, Mask, StringComparison.Ordinal);

    /// <summary>Never the key.</summary>
    public override string ToString() => $"ApiKey({Mask})";

    public bool Equals(ApiKey? other) => other is not null && string.Equals(_value, other._value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ApiKey);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_value);
}
