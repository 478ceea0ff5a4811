// Sums the outcomes of every TRX file a test run wrote, so CI gets one line for the whole run.
// Compiled into tests/Spx.Research.Tests too (Build/TestSummaryTests), against a TRX that xunit really wrote.
using System.Xml.Linq;

public sealed class TestSummary
{
    public int Passed { get; init; }
    public int Failed { get; init; }
    public int Skipped { get; init; }
    public int Total => Passed + Failed + Skipped;
    public string Line => $"{Passed} passed, {Failed} failed, {Skipped} skipped";

    public static TestSummary FromTrxFiles(IEnumerable<string> paths)
    {
        int passed = 0, failed = 0, skipped = 0;
        foreach (var path in paths)
        {
            var document = XDocument.Load(path);
            var counters = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters");
            if (counters == null) continue;
            int Read(string name) => int.TryParse(counters.Attribute(name)?.Value, out var n) ? n : 0;
            passed += Read("passed");
            failed += Read("failed") + Read("error") + Read("timeout") + Read("aborted");
            // The TRX logger leaves Counters' notExecuted at 0 for xunit's skipped tests; each one is a
            // UnitTestResult with outcome="NotExecuted" (and counts in total but not in executed).
            skipped += document.Descendants()
                .Count(e => e.Name.LocalName == "UnitTestResult" && e.Attribute("outcome")?.Value == "NotExecuted");
        }
        return new TestSummary { Passed = passed, Failed = failed, Skipped = skipped };
    }
}
