using Microsoft.Extensions.Time.Testing;
using Spx.Research.Ingest.Pipeline;
using Spx.Research.Ingest.Units;

namespace Spx.Research.Tests.Ingest;

/// <summary>
/// The backfill's ETA weighs units by their expected cost (<see cref="UnitCost"/>: options 12, seconds 4, the rest 1)
/// and extrapolates from the units downloaded only; fake time, so the figures are exact.
/// </summary>
public sealed class BackfillProgressTests
{
    private static readonly DateOnly Day = new(2025, 3, 3);

    /// <summary>Units finished (and how) after 10 s of a day of minutes, contracts, options and seconds for SPY; the ETA expected.</summary>
    public static TheoryData<string, (IngestSource Source, UnitStage Stage)[], double?> Cases => new()
    {
        // Cost 1 done in 10 s: 12 + 4 + 1 left at 10 s per unit of cost (counting units would say 30 s).
        { "minutes stored", [(IngestSource.Minutes, UnitStage.Stored)], 170 },
        // Cost 2 done in 10 s: 16 left at 5 s each.
        { "minutes and contracts stored", [(IngestSource.Minutes, UnitStage.Stored), (IngestSource.Contracts, UnitStage.Stored)], 80 },
        // Cost 14 done in 10 s, seconds (4) left.
        { "all but seconds stored", [(IngestSource.Minutes, UnitStage.Stored), (IngestSource.Contracts, UnitStage.Stored), (IngestSource.Options, UnitStage.Stored)], 10.0 / 14 * 4 },
        // Units already stored cost nothing: the rate comes from the one downloaded (cost 1 in 10 s), 4 left.
        { "resumed: three already stored", [(IngestSource.Minutes, UnitStage.Skipped), (IngestSource.Contracts, UnitStage.Skipped), (IngestSource.Options, UnitStage.Skipped)], null },
        { "resumed, then one downloaded", [(IngestSource.Minutes, UnitStage.Skipped), (IngestSource.Options, UnitStage.Skipped), (IngestSource.Contracts, UnitStage.Stored)], 40 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_eta_weighs_what_is_left_by_its_cost(string why, (IngestSource Source, UnitStage Stage)[] finished, double? expectedSeconds)
    {
        var time = new FakeTimeProvider();
        IReadOnlyList<WorkUnit> plan = [.. new[] { IngestSource.Minutes, IngestSource.Contracts, IngestSource.Options, IngestSource.Seconds }.Select(s => new WorkUnit(s, "SPY", Day))];
        var progress = new BackfillProgress(plan, () => 0, time);

        time.Advance(TimeSpan.FromSeconds(10));
        foreach (var (source, stage) in finished)
        {
            var unit = new WorkUnit(source, "SPY", Day);
            if (stage == UnitStage.Stored) progress.Stored(unit, 100, TimeSpan.Zero, TimeSpan.Zero);
            else progress.Skipped(unit, 100);
        }

        var eta = progress.Snapshot().Eta;
        if (expectedSeconds is null) Assert.True(eta is null, $"{why}: {eta}");
        else Assert.True(eta is { } e && Math.Abs(e.TotalSeconds - expectedSeconds.Value) < 1e-6, $"{why}: ETA {eta}, expected {expectedSeconds} s");
    }

    [Fact]
    public void Events_come_in_order_and_rows_are_counted_per_ticker()
    {
        var events = new List<UnitEvent>();
        var spy = new WorkUnit(IngestSource.Minutes, "SPY", Day);
        var qqq = new WorkUnit(IngestSource.Minutes, "QQQ", Day);
        var progress = new BackfillProgress([spy, qqq], () => 0, new FakeTimeProvider()) { Events = events.Add };

        progress.Started(spy);
        progress.Stored(spy, 390, TimeSpan.Zero, TimeSpan.Zero);
        progress.Skipped(qqq, 0);

        Assert.Equal([new(spy, UnitStage.Started), new(spy, UnitStage.Stored), new(qqq, UnitStage.Skipped)], events);
        Assert.Equal(390, progress.RowsByTicker["SPY"]);
        Assert.Equal(0, progress.RowsByTicker["QQQ"]);
    }
}
