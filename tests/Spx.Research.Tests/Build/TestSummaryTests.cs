namespace Spx.Research.Tests.Build;

/// <summary>
/// build/testresults.cake (compiled into this project) against a TRX that <c>dotnet test --logger trx</c> wrote for
/// an xunit 2.9.3 project with one passing test, one failing test, one skipped fact and one skipped theory. That
/// TRX's Counters say <c>notExecuted="0"</c>; the skipped tests are the two <c>outcome="NotExecuted"</c> results.
/// </summary>
public sealed class TestSummaryTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Build", name);

    [Fact]
    public void Skipped_tests_are_counted_from_the_results_not_from_the_counters()
    {
        var summary = TestSummary.FromTrxFiles([Fixture("xunit-run-with-skips.trx")]);

        Assert.Equal((1, 1, 2), (summary.Passed, summary.Failed, summary.Skipped));
        Assert.Equal("1 passed, 1 failed, 2 skipped", summary.Line);
    }

    [Fact]
    public void Several_files_add_up()
    {
        var trx = Fixture("xunit-run-with-skips.trx");

        var summary = TestSummary.FromTrxFiles([trx, trx]);

        Assert.Equal((2, 2, 4, 8), (summary.Passed, summary.Failed, summary.Skipped, summary.Total));
    }
}
