using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Monitor;
using Spx.Research.Monitor.Polling;
using Spx.Research.Tests.Lake;

namespace Spx.Research.Tests.Monitor.Polling;

/// <summary>
/// <c>monitor_polls</c> on a real lake: a repeated poll of the same instant adds nothing and keeps the same
/// files; the previous poll of each contract is the latest one before this instant in the same session.
/// </summary>
public sealed class PollStoreTests : IDisposable
{
    private static readonly DateOnly Session = new(2025, 3, 3);
    private static readonly DateTimeOffset First = NewYorkTime.ToUtc(Session, new TimeOnly(9, 45));
    private static readonly DateTimeOffset Second = First.AddMinutes(15);
    private readonly TempLake _lake = new();

    public void Dispose() => _lake.Dispose();

    private static PollRow Row(DateTimeOffset pollTs, string ticker, long volume, long delta, double? greekDelta = null) => new(pollTs, Session, 5000,
        new PolledContract(OptionTicker.Parse(ticker), volume, 12, 1.0, 1.2, 1.1, 1.05, 0.21, greekDelta, null, null, null), delta);

    [Fact]
    public void A_repeated_poll_of_the_same_instant_changes_nothing()
    {
        using var store = new PollStore(_lake.Layout);
        PollRow[] rows = [Row(First, "O:SPXW250404P04500000", 100, 100), Row(First, "O:SPX250417P04000000", 5, 5)];

        var first = store.Append(Session, rows);
        var files = _lake.Snapshot(MonitorDatasets.Polls.Name);
        var again = store.Append(Session, rows);

        Assert.Equal((2L, true), (first.NewRows, first.Changed));
        Assert.Equal((0L, false, 2L), (again.NewRows, again.Changed, again.Rows));
        var after = _lake.Snapshot(MonitorDatasets.Polls.Name);
        Assert.Equal(files.Keys, after.Keys);
        Assert.All(files, f => Assert.Equal(f.Value, after[f.Key]));
    }

    [Fact]
    public void Previous_polls_are_each_tickers_latest_before_the_instant()
    {
        using var store = new PollStore(_lake.Layout);
        store.Append(Session, [Row(First, "O:SPXW250404P04500000", 100, 100), Row(First, "O:SPX250417P04000000", 5, 5)]);
        store.Append(Session, [Row(Second, "O:SPXW250404P04500000", 180, 80)]);

        Assert.Empty(store.PreviousPolls(Session, First));
        Assert.Equal(100, store.PreviousPolls(Session, Second)["O:SPXW250404P04500000"].DayVolume);
        var later = store.PreviousPolls(Session, Second.AddMinutes(15));
        Assert.Equal(new PreviousPoll(Second, 180), later["O:SPXW250404P04500000"]);
        Assert.Equal(new PreviousPoll(First, 5), later["O:SPX250417P04000000"]);
        Assert.Empty(store.PreviousPolls(Session.AddDays(1), Second.AddDays(1)));
    }

    [Fact]
    public void Stored_rows_read_back_with_nulls_where_the_api_sent_nothing()
    {
        using (var store = new PollStore(_lake.Layout)) store.Append(Session, [Row(First, "O:SPXW250404P04500000", 100, 100, greekDelta: -0.12), Row(First, "O:SPX250417P04000000", 5, 5)]);

        using var session = _lake.Session();
        var rows = session.Query(
            "SELECT ticker, underlying, root, option_right, strike, day_volume, volume_delta, delta, gamma, session, date FROM monitor_polls ORDER BY ticker",
            r =>
            {
                var list = new List<string>();
                while (r.Read())
                    list.Add(string.Join('|', Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "NULL" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
                return list;
            });
        Assert.Equal(2, rows.Count);
        Assert.StartsWith("O:SPX250417P04000000|SPX|SPX|P|4000|5|5|NULL|NULL|", rows[0]);
        Assert.StartsWith("O:SPXW250404P04500000|SPX|SPXW|P|4500|100|100|-0.12|NULL|", rows[1]);
    }

    [Fact]
    public void A_poll_outside_the_partitions_session_is_rejected_and_nothing_is_stored()
    {
        using var store = new PollStore(_lake.Layout);
        var wrong = Row(First.AddDays(1), "O:SPXW250404P04500000", 100, 100);

        var error = Assert.Throws<LakeSchemaException>(() => store.Append(Session, [wrong]));

        Assert.Contains("monitor_polls", error.Message);
        Assert.Empty(_lake.Layout.Partitions(MonitorDatasets.Polls.Name));
    }

    [Fact]
    public void A_store_on_a_shared_writer_reads_and_appends_through_it_and_leaves_it_open()
    {
        using var writer = new LakeWriter(_lake.Layout, Spx.Research.Monitor.Detection.MonitorRegistry.With());
        using (var store = new PollStore(writer)) store.Append(Session, [Row(First, "O:SPXW250404P04500000", 100, 100)]);
        using (var store = new PollStore(writer))
        {
            store.Append(Session, [Row(Second, "O:SPXW250404P04500000", 150, 50)]);
            Assert.Equal(new PreviousPoll(First, 100), store.PreviousPolls(Session, Second)["O:SPXW250404P04500000"]);
        }

        // Still the caller's: the alerts of the same cycle go through it after the stores are gone.
        Assert.Equal(1L, writer.Connection.ExecuteScalar<long>("SELECT 1::BIGINT"));
        using var check = _lake.Session();
        Assert.Equal(2L, check.Scalar<long>("SELECT count(*) FROM monitor_polls"));
    }

    [Fact]
    public void A_writer_without_monitor_polls_is_refused_with_the_dataset_named()
    {
        using var writer = new LakeWriter(_lake.Layout, DatasetRegistry.Empty);

        var error = Assert.Throws<ArgumentException>(() => new PollStore(writer));

        Assert.StartsWith("The writer's registry has no monitor_polls dataset", error.Message, StringComparison.Ordinal);
    }
}
