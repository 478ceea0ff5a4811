using Spx.Research.Lake;

namespace Spx.Research.Ingest.Streaming;

/// <summary>
/// Writes one flush: the buffered rows grouped by dataset and date, each group one atomic partition append
/// (<see cref="LakeWriter.AppendToPartition"/>), which skips keys already stored — so a bar the server sends
/// again after a reconnect is never stored twice. Invalid rows are quarantined with their reason, not dropped.
/// </summary>
public sealed class StreamLakeSink(LakeWriter writer)
{
    /// <summary>Writes <paramref name="rows"/>; returns what each append did, in write order.</summary>
    public IReadOnlyList<LakeWriteResult> Write(IReadOnlyList<BufferedRow> rows)
    {
        var results = new List<LakeWriteResult>();
        foreach (var group in rows.GroupBy(r => (r.Dataset, r.Date)).OrderBy(g => g.Key.Dataset, StringComparer.Ordinal).ThenBy(g => g.Key.Date))
        {
            var batch = group.ToList();
            var source = LakeSource.FromAppender(appender =>
            {
                foreach (var row in batch) row.AppendTo(appender);
            });
            results.Add(writer.AppendToPartition(group.Key.Dataset, group.Key.Date, source, InvalidRows.Quarantine));
        }
        return results;
    }
}
