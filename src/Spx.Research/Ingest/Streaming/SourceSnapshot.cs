namespace Spx.Research.Ingest.Streaming;

/// <summary>A source's numbers at one instant (see <see cref="SourceActivity"/>); <paramref name="Quarantined"/>: rows the rules set aside.</summary>
public sealed record SourceSnapshot(
    string Source,
    long MessagesInWindow,
    long TotalToday,
    long Late,
    long RowsWritten,
    DateTimeOffset? LastMessage,
    DateTimeOffset? LastEvent,
    string Connection,
    long Quarantined = 0);
