using Spx.Research.Lake;

namespace Spx.Research.Dashboard.Api;

/// <summary>The newest poll in the lake: its instant and its NYSE session. "Today" on the dashboard is this session, so a replayed past day reads the same as a live one.</summary>
internal sealed record LatestPoll(DateTimeOffset PollTs, DateOnly Session)
{
    /// <summary>The newest poll, or null when <c>monitor_polls</c> is empty.</summary>
    public static LatestPoll? Find(LakeSession lake) => lake.Query(
        "SELECT epoch_us(max(poll_ts)), max(session) FROM monitor_polls WHERE date = (SELECT max(date) FROM monitor_polls)",
        reader => reader.Read() && !reader.IsDBNull(0)
            ? new LatestPoll(FromMicros(reader.GetInt64(0)), reader.GetFieldValue<DateOnly>(1))
            : null);

    /// <summary>A DuckDB <c>epoch_us</c> as an instant (exact: no float seconds in between).</summary>
    public static DateTimeOffset FromMicros(long micros) => DateTimeOffset.UnixEpoch.AddTicks(micros * 10);
}
