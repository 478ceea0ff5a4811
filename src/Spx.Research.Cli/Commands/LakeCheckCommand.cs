using System.CommandLine;
using Spx.Research.Lake;
using Spx.Research.Synthetic;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// <c>spx lake check [--repair]</c>: verifies every lake file and finds sessions a killed run left in
/// part; one line per problem, then a summary; exit 1 while problems remain. With <c>--repair</c>,
/// unreadable files move to <c>LAKE/_quarantine/_damaged</c> (never deleted) and the sessions that lost
/// data are named for regenerating or re-downloading.
/// </summary>
public static class LakeCheckCommand
{
    /// <summary>Datasets written together per session: what the synthetic market writes (the only multi-dataset writer so far).</summary>
    private static readonly DatasetGroup[] Groups = [SyntheticLakeWriter.Group];

    public static Command Create()
    {
        var lake = CommonOptions.Lake();
        var repair = new Option<bool>("--repair")
        {
            Description = "Move unreadable files out of the live lake (to _quarantine/_damaged, never deleted) and say which sessions to regenerate",
        };
        var command = new Command("check", "Verify every file (Parquet envelope, full read, declared schema) and find incomplete sessions; exit 1 while problems remain")
        {
            lake, repair,
        };
        command.SetAction(parse =>
        {
            using var session = LakeSession.Open(CommonOptions.ResolveLake(parse, lake));
            return Run(session, parse.GetValue(repair), parse.InvocationConfiguration.Output);
        });
        return command;
    }

    private static int Run(LakeSession session, bool repair, TextWriter output)
    {
        var report = new LakeCheck(session, Groups).Run();
        foreach (var problem in report.Problems) output.WriteLine(problem);
        if (!repair || report.Problems.All(p => p.Kind != LakeProblemKind.Unreadable))
        {
            output.WriteLine(report.Summary);
            return report.Problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Failure;
        }

        var repaired = LakeRepair.MoveOutUnreadable(session, report.Problems);
        WriteRepairs(session.Layout, repaired, output);
        var moved = repaired.SelectMany(p => p.Moved.Select(file => $"{p.Dataset}/{LakeLayout.PartitionName(p.Date)}/{Path.GetFileName(file)}")).ToHashSet();
        foreach (var left in report.Problems.Where(p => p.Kind == LakeProblemKind.Unreadable && !moved.Contains(p.Location)))
            output.WriteLine($"left {left.Location} in place: it was gone or read in full by the time of the repair (rewritten since the check)");

        // No second full scan: the repair read every file the report named again, under its partition's lock, and
        // moved each one that still failed; the rest of the report is unchanged by it. A partition the repair
        // emptied leaves its session incomplete, and that is the regeneration named above.
        var remaining = report.Problems.Where(p => p.Kind != LakeProblemKind.Unreadable).ToArray();
        foreach (var problem in remaining) output.WriteLine($"still: {problem}");
        output.WriteLine($"{report.Summary}; moved out {moved.Count} unreadable file(s); {remaining.Length} problem(s) remain");
        return remaining.Length == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }

    private static void WriteRepairs(LakeLayout layout, IReadOnlyList<RepairedPartition> repaired, TextWriter output)
    {
        foreach (var partition in repaired)
        foreach (var moved in partition.Moved)
        {
            output.WriteLine($"moved {Path.GetFileName(moved)} out of {partition.Dataset}/{LakeLayout.PartitionName(partition.Date)} to "
                + Path.GetRelativePath(layout.Root, Path.GetDirectoryName(moved)!)
                + (partition.Emptied ? " (nothing readable was left: the partition is removed)" : ""));
        }
        foreach (var day in repaired.GroupBy(p => p.Date).OrderBy(g => g.Key))
        {
            output.WriteLine($"regenerate or re-download {day.Key:yyyy-MM-dd}: it lost data in {string.Join(", ", day.Select(p => p.Dataset))} "
                + $"(synthetic: spx generate --from {day.Key:yyyy-MM-dd} --to {day.Key:yyyy-MM-dd} with its seed and profile)");
        }
    }
}
