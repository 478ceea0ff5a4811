using Spx.Research.Configuration;
using Spx.Research.Lake;
using Spx.Research.Market;

namespace Spx.Research.Monitor.Detection;

/// <summary>
/// The contracts of one poll with their comparison volumes, found in one DuckDB query over the lake's
/// <c>monitor_polls</c> and <c>monitor_daily</c> views. Each contract takes the first source that has it:
/// <c>aligned</c>, <c>previous_eod</c>, <c>previous_latest</c>, <c>earlier_eod</c>, else <c>none</c>
/// (docs/monitor.md). Sessions come from the NYSE calendar, so after a weekend or a holiday "previous" is
/// the last trading day; time of day is New York clock time, so alignment holds across a DST switch and
/// an early close's polls align by the clock.
/// </summary>
public static class ComparisonQuery
{
    /// <summary>The New York time zone as DuckDB (ICU) names it.</summary>
    private const string Zone = "America/New_York";

    /// <summary>
    /// The poll at <paramref name="pollTs"/>, one record per contract, ordered by ticker; empty when no such
    /// poll is stored. <paramref name="session"/> must be <paramref name="pollTs"/>'s NYSE session.
    /// </summary>
    public static IReadOnlyList<PolledContract> Run(LakeSession lake, NyseCalendar calendar, DateTimeOffset pollTs, DateOnly session, DetectorSettings settings)
    {
        var previous = calendar.PreviousSession(session).Date;
        var earlier = calendar.PreviousSession(previous).Date;
        return lake.Query(Sql(pollTs, session, previous, earlier, settings.AlignWindow), reader =>
        {
            var contracts = new List<PolledContract>();
            while (reader.Read()) contracts.Add(Read(reader, pollTs, session));
            return contracts;
        });
    }

    /// <summary>The query; every value is quoted by <see cref="SqlText"/>.</summary>
    internal static string Sql(DateTimeOffset pollTs, DateOnly session, DateOnly previous, DateOnly earlier, TimeSpan alignWindow)
    {
        var window = alignWindow.TotalSeconds.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        return $"""
            WITH now AS (
                SELECT *, {SecondsOfDay("poll_ts")} AS clock
                FROM monitor_polls
                WHERE date = {SqlText.Date(session)} AND poll_ts = {SqlText.Instant(pollTs)}
            ),
            previous_polls AS (
                SELECT ticker, poll_ts, day_volume, {SecondsOfDay("poll_ts")} AS clock
                FROM monitor_polls
                WHERE date = {SqlText.Date(previous)} AND ticker IN (SELECT ticker FROM now)
            ),
            aligned AS (
                SELECT p.ticker, p.poll_ts, p.day_volume
                FROM previous_polls p, (SELECT any_value(clock) AS clock FROM now) n
                WHERE abs(p.clock - n.clock) <= {window}
                QUALIFY row_number() OVER (PARTITION BY p.ticker ORDER BY abs(p.clock - n.clock), p.poll_ts) = 1
            ),
            previous_latest AS (
                SELECT ticker, poll_ts, day_volume FROM previous_polls
                QUALIFY row_number() OVER (PARTITION BY ticker ORDER BY poll_ts DESC) = 1
            ),
            previous_eod AS (
                SELECT ticker, poll_ts, day_volume FROM monitor_daily WHERE date = {SqlText.Date(previous)}
            ),
            earlier_eod AS (
                SELECT ticker, poll_ts, day_volume FROM monitor_daily WHERE date = {SqlText.Date(earlier)}
            )
            SELECT now.ticker, now.expiry, now.strike, now.spot, now.day_volume, now.volume_delta,
                   now.last_price, now.bid, now.ask, now.day_vwap,
                   CASE WHEN a.ticker IS NOT NULL THEN 'aligned'
                        WHEN pe.ticker IS NOT NULL THEN 'previous_eod'
                        WHEN pl.ticker IS NOT NULL THEN 'previous_latest'
                        WHEN ee.ticker IS NOT NULL THEN 'earlier_eod'
                        ELSE 'none' END AS comparison_source,
                   coalesce(a.day_volume, pe.day_volume, pl.day_volume, ee.day_volume) AS comparison_volume,
                   epoch_us(coalesce(a.poll_ts, pe.poll_ts, pl.poll_ts, ee.poll_ts)) AS comparison_us
            FROM now
            LEFT JOIN aligned a ON a.ticker = now.ticker
            LEFT JOIN previous_eod pe ON pe.ticker = now.ticker
            LEFT JOIN previous_latest pl ON pl.ticker = now.ticker
            LEFT JOIN earlier_eod ee ON ee.ticker = now.ticker
            ORDER BY now.ticker
            """;
    }

    /// <summary>Seconds since New York midnight of a TIMESTAMPTZ column: the clock time polls are aligned on.</summary>
    private static string SecondsOfDay(string column)
    {
        var local = $"timezone('{Zone}', {column})";
        return $"(epoch({local}) - epoch(date_trunc('day', {local})))";
    }

    private static PolledContract Read(DuckDB.NET.Data.DuckDBDataReader reader, DateTimeOffset pollTs, DateOnly session)
    {
        double? Number(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
        return new PolledContract(
            pollTs,
            session,
            reader.GetString(0),
            DateOnly.FromDateTime(reader.GetDateTime(1)),
            reader.GetDouble(2),
            reader.GetDouble(3),
            reader.GetInt64(4),
            reader.GetInt64(5),
            Number(6),
            Number(7),
            Number(8),
            Number(9),
            reader.IsDBNull(11) ? null : reader.GetInt64(11),
            ComparisonSources.Parse(reader.GetString(10)),
            reader.IsDBNull(12) ? null : DateTimeOffset.UnixEpoch.AddTicks(reader.GetInt64(12) * 10));
    }
}
