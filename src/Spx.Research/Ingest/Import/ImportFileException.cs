namespace Spx.Research.Ingest.Import;

/// <summary>A file that cannot be read at all (missing, truncated, not CSV or Parquet): nothing of it was imported.</summary>
public sealed class ImportFileException(string message, Exception? inner = null) : Exception(message, inner);
