using Spx.Research.Lake;

namespace Spx.Research.Ingest.Streaming;

/// <summary>One row waiting in the stream's buffer for the next flush: where it goes and how it is written.</summary>
/// <param name="Source">The source counted for it.</param>
/// <param name="Dataset">The dataset it is written to (a <c>_late</c> dataset for a late event).</param>
/// <param name="Date">Its partition: the New York date of its timestamp.</param>
public abstract record BufferedRow(StreamSource Source, string Dataset, DateOnly Date)
{
    /// <summary>Appends the row's values in the dataset's column order.</summary>
    public abstract void AppendTo(LakeAppender appender);
}
