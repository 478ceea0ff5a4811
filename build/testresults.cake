// Sums the outcome counters of every TRX file a test run wrote, so CI gets one line for the whole run.
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
            var counters = XDocument.Load(path).Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters");
            if (counters == null) continue;
            int Read(string name) => int.TryParse(counters.Attribute(name)?.Value, out var n) ? n : 0;
            passed += Read("passed");
            failed += Read("failed") + Read("error") + Read("timeout") + Read("aborted");
            skipped += Read("notExecuted");
        }
        return new TestSummary { Passed = passed, Failed = failed, Skipped = skipped };
    }
}
