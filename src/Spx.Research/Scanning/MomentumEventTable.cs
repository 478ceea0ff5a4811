using DuckDB.NET.Data;
using Spx.Research.Lake;

namespace Spx.Research.Scanning;

/// <summary>
/// Events in a DuckDB table, in <c>momentum_events</c>' columns, for the SQL write that merges them with rows already
/// stored (<see cref="MomentumDateWriter"/>); the partition write checks them against the dataset's schema.
/// </summary>
internal static class MomentumEventTable
{
    /// <summary>Creates (or replaces) <paramref name="table"/> on <paramref name="connection"/> holding <paramref name="events"/>.</summary>
    public static void Stage(DuckDBConnection connection, string table, IReadOnlyList<MomentumEventRow> events)
    {
        connection.ExecuteNonQuery($"""
            CREATE OR REPLACE TABLE {table} (
                ticker VARCHAR, underlying VARCHAR, expiry DATE, option_right VARCHAR, strike DOUBLE,
                trigger_ts TIMESTAMPTZ, trigger_hour INTEGER, last_ts TIMESTAMPTZ, duration BIGINT,
                threshold DOUBLE, reference DOUBLE, trigger_close DOUBLE, peak_close DOUBLE,
                max_return DOUBLE, underlying_price DOUBLE, delta DOUBLE, gamma DOUBLE, spot_move DOUBLE,
                explained_move DOUBLE, unexplained_share DOUBLE)
            """);
        using var appender = connection.CreateAppender(table);
        foreach (var e in events)
        {
            appender.CreateRow()
                .AppendValue(e.Ticker).AppendValue(e.Underlying).AppendValue(e.Expiry).AppendValue(e.OptionRight).AppendValue(e.Strike)
                .AppendValue(e.TriggerTs.UtcDateTime).AppendValue(e.TriggerHour).AppendValue(e.LastTs.UtcDateTime).AppendValue(e.Duration)
                .AppendValue(e.Threshold).AppendValue(e.Reference).AppendValue(e.TriggerClose).AppendValue(e.PeakClose)
                .AppendValue(e.MaxReturn).AppendValue(e.UnderlyingPrice).AppendValue(e.Delta).AppendValue(e.Gamma)
                .AppendValue(e.SpotMove).AppendValue(e.ExplainedMove).AppendValue(e.UnexplainedShare)
                .EndRow();
        }
    }
}
