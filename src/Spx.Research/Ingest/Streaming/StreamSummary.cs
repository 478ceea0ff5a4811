namespace Spx.Research.Ingest.Streaming;

/// <summary>What a finished stream did: the session, the connections opened, the flushes and each source's numbers.</summary>
public sealed record StreamSummary(DateOnly Session, IReadOnlyList<PlannedConnection> Connections, int Flushes, IReadOnlyList<SourceSnapshot> Sources)
{
    /// <summary>Messages received over all sources.</summary>
    public long Messages => Sources.Sum(s => s.TotalToday);
}
