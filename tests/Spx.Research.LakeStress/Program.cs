using System.Diagnostics;
using Spx.Research.Lake;
using Spx.Research.LakeStress;

// Usage: Spx.Research.LakeStress <lake-root> <seconds>
// Writes the initial partitions, prints "ready", then rewrites them for <seconds>: replaces of the
// replaced days with alternating tags A/B, and on the cycled day replace → append → overlapping append
// → compact with a new tag each cycle. Prints "done <operations>" and exits 0; any exception exits 1.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Spx.Research.LakeStress <lake-root> <seconds>");
    return 2;
}

var registry = DatasetRegistry.Default.Register(StressDataset.Schema);
// A short grace period, so replaced versions are deleted while the reader is still reading.
var options = new LakeWriterOptions { RetiredVersionGrace = TimeSpan.FromSeconds(2) };
using var writer = new LakeWriter(new LakeLayout(args[0]), registry, options);

var operations = 0;
void Step(int cycle)
{
    var tag = cycle % 2 == 0 ? "A" : "B";
    foreach (var day in StressDataset.ReplacedDays)
    {
        writer.ReplacePartition(StressDataset.Name, day, StressDataset.Rows(0, StressDataset.RowCount, tag));
        operations++;
    }
    var cycleTag = "C" + cycle;
    writer.ReplacePartition(StressDataset.Name, StressDataset.CycledDay, StressDataset.Rows(0, StressDataset.Batch, cycleTag));
    writer.AppendToPartition(StressDataset.Name, StressDataset.CycledDay, StressDataset.Rows(StressDataset.Batch, StressDataset.Batch, cycleTag));
    writer.AppendToPartition(StressDataset.Name, StressDataset.CycledDay, StressDataset.Rows(0, 3 * StressDataset.Batch, cycleTag));
    writer.CompactPartition(StressDataset.Name, StressDataset.CycledDay);
    operations += 4;
}

Step(0);
Console.WriteLine("ready");
Console.Out.Flush();

var run = Stopwatch.StartNew();
var seconds = double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
for (var cycle = 1; run.Elapsed.TotalSeconds < seconds; cycle++) Step(cycle);

Console.WriteLine($"done {operations}");
return 0;
