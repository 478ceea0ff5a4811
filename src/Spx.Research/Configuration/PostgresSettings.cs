namespace Spx.Research.Configuration;

/// <summary>
/// Where <c>spx export postgres</c> writes. <c>--dsn</c> and <c>SPX_POSTGRES_DSN</c> override <see cref="Dsn"/>;
/// the password never belongs in this file (PGPASSWORD, ~/.pgpass, or the whole DSN in SPX_POSTGRES_DSN).
/// </summary>
public sealed record PostgresSettings
{
    /// <summary>Npgsql keywords without a password, e.g. <c>Host=localhost;Username=spx;Database=spx</c>; null for none.</summary>
    public string? Dsn { get; init; }

    /// <summary>The PostgreSQL schema the dataset tables live in (created when missing).</summary>
    public string Schema { get; init; } = "public";
}
