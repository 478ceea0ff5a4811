namespace Spx.Research.Sinks;

/// <summary>A sink's existing table does not match the dataset's schema; the message names the table and the column.</summary>
public sealed class SinkSchemaException(string message) : Exception(message);
