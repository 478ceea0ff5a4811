using Spx.Research.Consolidation;
using static Spx.Research.Tests.Consolidation.ConsolidationTestLake;

namespace Spx.Research.Tests.Consolidation;

/// <summary>
/// Returns and rolling volume (docs/consolidation.md, "Indicators") on bars at minutes 0, 1, 2, 5 and 16 after 09:30
/// (gaps included), and the training step's forward returns on the same bars.
/// </summary>
public sealed class ConsolidationIndicatorTests
{
    private static readonly DateOnly Day = new(2025, 3, 3);
    private const string Call = "O:SPY250307C00580000";
    private static readonly Bar[] Bars = [new(0, 4.00, 1), new(1, 5.00, 2), new(2, 4.50, 4), new(5, 6.00, 8), new(16, 3.00, 16)];

    private static ConsolidationTestLake Consolidated()
    {
        var lake = new ConsolidationTestLake();
        lake.WriteOptionBars(Day, Call, Bars);
        lake.WriteSpot(Day, (TimeSpan.Zero, 580.0));
        lake.Consolidate(Day, Day);
        return lake;
    }

    [Fact]
    public void Returns_are_against_the_last_bar_starting_n_minutes_earlier_or_more()
    {
        using var lake = Consolidated();
        var minutes = lake.Minutes(Call);

        double?[] expected1 = [null, 5.00 / 4.00 - 1, 4.50 / 5.00 - 1, 6.00 / 4.50 - 1, 3.00 / 6.00 - 1];
        double?[] expected5 = [null, null, null, 6.00 / 4.00 - 1, 3.00 / 6.00 - 1];
        double?[] expected15 = [null, null, null, null, 3.00 / 5.00 - 1];
        Assert.Equal(expected1, Values(minutes, "ret_1m"));
        Assert.Equal(expected5, Values(minutes, "ret_5m"));
        Assert.Equal(expected15, Values(minutes, "ret_15m"));
    }

    [Fact]
    public void Rolling_volume_sums_the_bars_starting_in_the_last_5_and_15_minutes()
    {
        using var lake = Consolidated();
        var minutes = lake.Minutes(Call);

        Assert.Equal([1L, 3, 7, 14, 16], minutes.GetColumn<long>("volume_5m"));     // minute 5: bars 1, 2, 5; minute 16: bar 16 only
        Assert.Equal([1L, 3, 7, 15, 28], minutes.GetColumn<long>("volume_15m"));    // minute 16: bars 2, 5, 16
    }

    [Fact]
    public void Forward_returns_take_the_first_bar_starting_h_minutes_later_or_more_that_day()
    {
        using var lake = Consolidated();

        ForwardReturns.Run(lake.Layout, "SPY", Day, Day, [1, 5]);

        using var session = new Spx.Research.Lake.LakeSession(lake.Layout, Spx.Research.Lake.DatasetRegistry.Default);
        var rows = session.Columnar("SELECT horizon_minutes, forward_return FROM option_forward_returns ORDER BY horizon_minutes, ts");
        var returns = rows.GetColumn<double>("forward_return");
        var nulls = rows.GetNullMask("forward_return");
        double?[] actual = returns.Select((r, i) => nulls[i] ? (double?)null : r).ToArray();
        double?[] expected =
        [
            5.00 / 4.00 - 1, 4.50 / 5.00 - 1, 6.00 / 4.50 - 1, 3.00 / 6.00 - 1, null,   // h = 1
            6.00 / 4.00 - 1, 3.00 / 5.00 - 1, 3.00 / 4.50 - 1, 3.00 / 6.00 - 1, null,   // h = 5: minute 0 → 5, 1 → 16, 2 → 16
        ];
        Assert.Equal(expected, actual);
    }

    private static double?[] Values(Spx.Research.Lake.DuckDbColumnarResult result, string column)
    {
        var values = result.GetColumn<double>(column);
        var nulls = result.GetNullMask(column);
        return values.Select((v, i) => nulls[i] ? (double?)null : v).ToArray();
    }
}
