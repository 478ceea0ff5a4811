namespace Spx.Research.Lake;

/// <summary>
/// A write did not match its dataset's declared schema: a missing or unexpected column, a value that
/// cannot be cast to the declared type without loss, a NULL in a non-nullable column, or a row on the
/// wrong session date. Thrown before anything is published, so the partition is left as it was.
/// </summary>
public sealed class LakeSchemaException : Exception
{
    /// <summary>Creates the exception; the message names the dataset and the column.</summary>
    public LakeSchemaException(string dataset, string? column, string message) : base(message)
    {
        Dataset = dataset;
        Column = column;
    }

    /// <summary>The dataset being written.</summary>
    public string Dataset { get; }

    /// <summary>The first offending column (null when the problem is not about one column).</summary>
    public string? Column { get; }
}
