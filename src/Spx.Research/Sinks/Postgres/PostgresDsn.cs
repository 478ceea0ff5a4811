using Npgsql;

namespace Spx.Research.Sinks.Postgres;

/// <summary>
/// A PostgreSQL connection string (Npgsql keyword form, <c>Host=…;Username=…;Database=…</c>) that never shows
/// its password: <see cref="Describe"/> is what messages print, and <see cref="Redact"/> scrubs any text that
/// could have picked the password up (a driver's error message).
/// </summary>
public sealed class PostgresDsn
{
    private readonly NpgsqlConnectionStringBuilder _builder;
    private readonly string _text;

    private PostgresDsn(NpgsqlConnectionStringBuilder builder, string text) => (_builder, _text) = (builder, text);

    /// <summary>Parses <paramref name="text"/>; the error never repeats it.</summary>
    /// <exception cref="FormatException">Not a keyword connection string (the message says what is expected).</exception>
    public static PostgresDsn Parse(string text)
    {
        if (text.Contains("://", StringComparison.Ordinal))
            throw new FormatException("the PostgreSQL DSN is a URL: expected Npgsql keywords, e.g. Host=localhost;Port=5432;Username=spx;Database=spx (password in PGPASSWORD)");
        try
        {
            return new PostgresDsn(new NpgsqlConnectionStringBuilder(text), text);
        }
        catch (ArgumentException)
        {
            throw new FormatException("the PostgreSQL DSN is not a connection string: expected Npgsql keywords, e.g. Host=localhost;Port=5432;Username=spx;Database=spx");
        }
    }

    /// <summary>The connection string to connect with (holds the password, if any: never print it).</summary>
    public string ConnectionString => _builder.ConnectionString;

    /// <summary><c>user@host:port/database</c>: who and where, without the password.</summary>
    public string Describe() =>
        $"{_builder.Username ?? Environment.UserName}@{_builder.Host ?? "localhost"}:{_builder.Port}/{_builder.Database ?? _builder.Username ?? Environment.UserName}";

    /// <summary><paramref name="text"/> with the password (and the whole connection string) replaced by <c>***</c>.</summary>
    public string Redact(string text)
    {
        var redacted = text.Replace(_text, Describe(), StringComparison.Ordinal).Replace(_builder.ConnectionString, Describe(), StringComparison.Ordinal);
        return string.IsNullOrEmpty(_builder.Password) ? redacted : redacted.Replace(_builder.Password, "***", StringComparison.Ordinal);
    }
}
