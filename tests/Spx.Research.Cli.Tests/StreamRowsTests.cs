using Spx.Research.Cli.Commands;
using Spx.Research.Cli.Output;
using Spx.Research.Polygon.WebSocket;

namespace Spx.Research.Cli.Tests;

/// <summary><c>spx api stream</c>'s rows: one per event, each subscription reply once, typed for every format.</summary>
public sealed class StreamRowsTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 3, 15, 0, 6, TimeSpan.Zero);

    [Fact]
    public void Every_kind_of_event_is_one_csv_row_and_a_reply_the_server_sent_is_not_repeated()
    {
        var rows = new StreamRows();
        rows.AddUnanswered([new SubscriptionResult("A.SPY", "success", "subscribed to: A.SPY"), new SubscriptionResult("AM.QQQ", "timeout", "no reply within 00:00:10")]);
        rows.Add(new StatusEvent("connected", "Connected Successfully"));
        rows.Add(new StatusEvent("success", "subscribed to: A.SPY"));
        rows.Add(new AggregateEvent("A", "SPY", 6304, 10_000, null, 647.4, 647.0, 647.4, 647.41, 647.4, 647.41, null, Start, Start.AddSeconds(1), false));
        rows.Add(new IndexValueEvent("I:SPX", 5954.5, Start));
        rows.Add(new ReconnectedEvent(1, "connection lost: reset"));
        rows.Add(new DecodeErrorEvent("'c' must be a number", "{}"));
        rows.Add(new DisconnectNoticeEvent(DisconnectReason.MaxConnections, "max_connections", "Maximum number of connections exceeded."));
        rows.Add(new UnknownEvent("T", """{"ev":"T","sym":"SPY"}"""));

        var csv = new StringWriter();
        ResultWriter.Write(rows.ToTable(), OutputFormat.Csv, csv);

        Assert.Equal(
            """
            event,symbol,start_utc,end_utc,open,high,low,close,volume,status,message
            subscription,AM.QQQ,,,,,,,,timeout,no reply within 00:00:10
            status,,,,,,,,,connected,Connected Successfully
            status,,,,,,,,,success,subscribed to: A.SPY
            A,SPY,2025-03-03T15:00:06Z,2025-03-03T15:00:07Z,647.4,647.41,647.4,647.41,6304,,
            V,I:SPX,2025-03-03T15:00:06Z,,,,,5954.5,,,
            reconnected,,,,,,,,,reconnect 1,connection lost: reset
            decode_error,,,,,,,,,,'c' must be a number
            status,,,,,,,,,max_connections,Maximum number of connections exceeded.
            T,,,,,,,,,,"{""ev"":""T"",""sym"":""SPY""}"

            """.ReplaceLineEndings(),
            csv.ToString());
    }
}
