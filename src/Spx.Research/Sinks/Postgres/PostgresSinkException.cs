namespace Spx.Research.Sinks.Postgres;

/// <summary>PostgreSQL refused or failed a step; the message names the server (never the password) and what it said.</summary>
public sealed class PostgresSinkException(string message, Exception inner) : Exception(message, inner);
