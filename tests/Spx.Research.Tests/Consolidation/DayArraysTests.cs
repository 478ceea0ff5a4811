using Spx.Research.Consolidation;

namespace Spx.Research.Tests.Consolidation;

/// <summary><see cref="DayArrays"/>: arrays long enough, never handed out twice within a date, reused across dates.</summary>
public sealed class DayArraysTests
{
    [Fact]
    public void Within_a_date_every_array_is_a_different_one_and_long_enough()
    {
        var arrays = new DayArrays();
        var taken = Enumerable.Range(0, 10).Select(i => arrays.Take<double>(100 + i)).ToList();

        Assert.Equal(10, taken.Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.All(taken.Select((a, i) => (a, i)), t => Assert.True(t.a.Length >= 100 + t.i));
    }

    [Fact]
    public void After_a_reset_the_same_arrays_come_back_for_a_date_no_larger_than_the_largest_so_far()
    {
        var arrays = new DayArrays();
        var first = new Array[] { arrays.Take<double>(1000), arrays.Take<double>(1000), arrays.Take<bool>(1000) };
        arrays.Reset();

        var second = new Array[] { arrays.Take<double>(900), arrays.Take<double>(1000), arrays.Take<bool>(10) };

        Assert.True(first.ToHashSet(ReferenceEqualityComparer.Instance).SetEquals(second));
    }

    [Fact]
    public void A_larger_date_gets_new_arrays_and_the_too_short_ones_are_let_go()
    {
        var arrays = new DayArrays();
        var small = arrays.Take<long>(100);
        arrays.Reset();

        var large = arrays.Take<long>(10_000);
        arrays.Reset();
        var again = arrays.Take<long>(100);

        Assert.NotSame(small, large);
        Assert.Same(large, again);       // the short one is gone; the long one serves small dates too
        Assert.True(large.Length >= 10_000);
    }

    [Fact]
    public void Arrays_of_one_element_type_are_never_handed_out_as_another()
    {
        var arrays = new DayArrays();
        arrays.Take<double>(50);
        arrays.Reset();

        var longs = arrays.Take<long>(50);

        Assert.IsType<long[]>(longs);
    }
}
