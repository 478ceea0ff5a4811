using System.CommandLine;
using System.Globalization;
using Spx.Research.Configuration;
using Spx.Research.Lake;
using Spx.Research.Market;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// <c>spx lake purge --dataset D --before DATE [--dry-run]</c> and <c>spx lake purge --retention [--as-of DATE]</c>:
/// removes old partitions, each in one atomic step (<see cref="LakePurge"/>), one line per partition, then the totals.
/// </summary>
public static class LakePurgeCommand
{
    public static Command Create()
    {
        var dataset = new Option<string?>("--dataset") { Description = "Dataset to purge (with --before)" };
        var before = new Option<DateOnly?>("--before")
        {
            Description = "Remove partitions dated before this day (YYYY-MM-DD); the day itself is kept",
            CustomParser = Parsing.ValueParsers.Optional(Parsing.ValueParsers.Date()),
        };
        var retention = new Option<bool>("--retention") { Description = "Apply every retention rule of the configuration (lake.retention and the monitor's)" };
        var asOf = new Option<DateOnly?>("--as-of")
        {
            Description = "With --retention: the day rules count back from (default: today in New York)",
            CustomParser = Parsing.ValueParsers.Optional(Parsing.ValueParsers.Date()),
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be removed; remove nothing" };
        var lake = CommonOptions.Lake();
        var command = new Command("purge", "Remove a dataset's partitions before a date, or apply the configured retention; each partition goes in one atomic step")
        {
            dataset, before, retention, asOf, dryRun, lake,
        };
        command.SetAction(parse =>
        {
            var cutoffs = Cutoffs(parse, parse.GetValue(dataset), parse.GetValue(before), parse.GetValue(retention), parse.GetValue(asOf));
            var root = CommonOptions.ResolveLake(parse, lake);
            if (!Directory.Exists(root)) throw new LakeNotFoundException(root);
            using var purge = new LakePurge(new LakeLayout(root), DatasetRegistry.Default);
            foreach (var (name, _) in cutoffs)
                if (purge.Refusal(name) is { } refusal) throw new UsageException(refusal);
            Run(purge, cutoffs, parse.GetValue(dryRun), parse.InvocationConfiguration.Output);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>What to purge: the one dataset and date given, or every retention rule; anything else is a usage error.</summary>
    private static IReadOnlyList<(string Dataset, DateOnly FirstKept)> Cutoffs(ParseResult parse, string? dataset, DateOnly? before, bool retention, DateOnly? asOf)
    {
        if (retention)
        {
            if (dataset is not null || before is not null) throw new UsageException("--retention applies the configured rules: give it without --dataset and --before");
            var today = asOf ?? NewYorkTime.LocalDate(DateTimeOffset.UtcNow);
            return LakePurge.RetentionCutoffs(CliConfiguration.Of(parse).Settings, today, NyseCalendar.Default);
        }
        if (asOf is not null) throw new UsageException("--as-of goes with --retention");
        if (dataset is null || before is null) throw new UsageException("give --dataset and --before, or --retention");
        return [(dataset, before.Value)];
    }

    private static void Run(LakePurge purge, IReadOnlyList<(string Dataset, DateOnly FirstKept)> cutoffs, bool dryRun, TextWriter output)
    {
        var verb = dryRun ? "would remove" : "removed";
        var all = new List<PurgedPartition>();
        foreach (var (dataset, firstKept) in cutoffs)
        {
            void Print(PurgedPartition p) => output.WriteLine($"{verb} {p.Name}: {p.Files} file(s), {Rows(p.Rows)}, {p.Bytes} bytes");
            var partitions = dryRun ? purge.Plan(dataset, firstKept) : purge.Run(dataset, firstKept, Print);
            if (dryRun) foreach (var partition in partitions) Print(partition);
            all.AddRange(partitions);
        }
        var rows = all.Any(p => p.Rows is null) ? "unknown rows (unreadable files)" : $"{all.Sum(p => p.Rows)} rows";
        output.WriteLine($"{verb} {all.Count} partition(s) from {all.Select(p => p.Dataset).Distinct().Count()} dataset(s): "
            + $"{all.Sum(p => p.Files)} file(s), {rows}, {all.Sum(p => p.Bytes)} bytes"
            + string.Concat(cutoffs.Select(c => $"; {c.Dataset} keeps {c.FirstKept.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} on")));
    }

    private static string Rows(long? rows) => rows is { } count ? $"{count} rows" : "rows unknown (unreadable file)";
}
