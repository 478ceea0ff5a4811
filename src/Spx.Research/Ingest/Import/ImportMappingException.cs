namespace Spx.Research.Ingest.Import;

/// <summary>A column mapping that does not fit the file or the dataset: a usage error (exit 2), nothing imported.</summary>
/// <param name="column">The column named wrongly.</param>
public sealed class ImportMappingException(string message, string column) : Exception(message)
{
    /// <summary>The column named wrongly.</summary>
    public string Column { get; } = column;
}
