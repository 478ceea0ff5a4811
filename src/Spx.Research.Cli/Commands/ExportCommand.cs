using System.CommandLine;
using Spx.Research.Cli.Output;
using Spx.Research.Cli.Parsing;
using Spx.Research.Configuration;
using Spx.Research.Lake;
using Spx.Research.Sinks;
using Spx.Research.Sinks.Postgres;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// <c>spx export postgres --dsn … --dataset D [--from D --to D]</c>: copies lake partitions into PostgreSQL tables
/// (one per dataset, created from its schema) with idempotent upserts; one progress line per partition on stderr,
/// then rows read, inserted, updated and unchanged per dataset. The DSN's password is never printed.
/// </summary>
public static class ExportCommand
{
    /// <summary>Holds the whole DSN when <c>--dsn</c> is absent; it overrides <c>postgres.dsn</c>.</summary>
    public const string DsnVariable = "SPX_POSTGRES_DSN";

    public static Command Create()
    {
        var dsn = new Option<string?>("--dsn")
        {
            Description = $"Npgsql connection string, e.g. Host=localhost;Username=spx;Database=spx (default: ${DsnVariable}, else postgres.dsn; the password is best left to PGPASSWORD)",
        };
        var datasets = new Option<string[]>("--dataset")
        {
            Description = "Dataset(s) to export (repeat or separate with commas)",
            Required = true,
            CustomParser = ValueParsers.Each(text => text),
        };
        var from = new Option<DateOnly?>("--from") { Description = "First partition date (YYYY-MM-DD)", CustomParser = ValueParsers.Optional(ValueParsers.Date()) };
        var to = new Option<DateOnly?>("--to") { Description = "Last partition date (YYYY-MM-DD)", CustomParser = ValueParsers.Optional(ValueParsers.Date()) };
        var schema = new Option<string?>("--schema") { Description = "PostgreSQL schema for the tables (default: postgres.schema, else public)" };
        var lake = CommonOptions.Lake();
        var format = CommonOptions.Format();
        var postgres = new Command("postgres", "Upsert lake partitions into PostgreSQL tables made from the dataset schemas (binary COPY, one transaction per partition)")
        {
            dsn, datasets, from, to, schema, lake, format,
        };
        postgres.SetAction(parse =>
        {
            var settings = CliConfiguration.Of(parse).Settings.Postgres;
            var names = Datasets(parse.GetValue(datasets)!);
            if (parse.GetValue(from) is { } first && parse.GetValue(to) is { } last && last < first)
                throw new UsageException($"--to {last:yyyy-MM-dd} is before --from {first:yyyy-MM-dd}");
            var target = ResolveDsn(parse.GetValue(dsn), settings);
            var root = CommonOptions.ResolveLake(parse, lake);
            if (!Directory.Exists(root)) throw new LakeNotFoundException(root);

            var range = (parse.GetValue(from), parse.GetValue(to));
            return Run(parse, root, names, range, PostgresSink.Open(target, parse.GetValue(schema) ?? settings.Schema), parse.GetValue(format));
        });
        return new Command("export", "Copy lake datasets to stores outside the lake") { postgres };
    }

    /// <summary>Exports each dataset into <paramref name="sink"/>: a line per partition on stderr, the totals on stdout.</summary>
    private static int Run(ParseResult parse, string root, string[] names, (DateOnly? From, DateOnly? To) range, ILakeSink sink, OutputFormat format)
    {
        using var owned = sink;
        using var session = LakeSession.Open(root);
        var error = parse.InvocationConfiguration.Error;
        error.WriteLine($"exporting to {sink.Target}");
        var results = names.Select(name => LakeSinkExport.Run(session, sink, name, range.From, range.To,
            p => error.WriteLine($"{p.Dataset}/{LakeLayout.PartitionName(p.Date)}: read {p.Read}, inserted {p.Inserted}, updated {p.Updated}"))).ToList();
        ResultWriter.Write(Table(results), format, parse.InvocationConfiguration.Output);
        // A partition left out because a file is unreadable was not exported: say so, and fail.
        var skipped = session.Warnings.Where(w => names.Any(n => w.StartsWith(n + "/", StringComparison.Ordinal))).ToArray();
        foreach (var warning in skipped) error.WriteLine($"spx: warning: {warning}");
        return skipped.Length == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }

    /// <summary>The named datasets, each registered (else a usage error listing the known ones).</summary>
    private static string[] Datasets(string[] given)
    {
        var names = given.SelectMany(g => g.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToArray();
        var unknown = names.FirstOrDefault(n => !DatasetRegistry.Default.Contains(n));
        if (unknown is not null)
            throw new UsageException($"--dataset '{unknown}' is not a lake dataset: expected one of {string.Join(", ", DatasetRegistry.Default.Datasets.Select(d => d.Name))}");
        return names;
    }

    /// <summary><c>--dsn</c>, else <c>SPX_POSTGRES_DSN</c>, else <c>postgres.dsn</c>; a bad one is a usage error that never repeats it.</summary>
    private static PostgresDsn ResolveDsn(string? flag, PostgresSettings settings)
    {
        var (text, source) = !string.IsNullOrWhiteSpace(flag) ? (flag, "--dsn")
            : Environment.GetEnvironmentVariable(DsnVariable) is { Length: > 0 } variable ? (variable, "$" + DsnVariable)
            : !string.IsNullOrWhiteSpace(settings.Dsn) ? (settings.Dsn, "postgres.dsn")
            : throw new UsageException($"no PostgreSQL DSN: give --dsn, set ${DsnVariable}, or set postgres.dsn in the configuration");
        try
        {
            return PostgresDsn.Parse(text);
        }
        catch (FormatException bad)
        {
            throw new UsageException($"{source}: {bad.Message}");
        }
    }

    private static ResultTable Table(IEnumerable<SinkExportResult> results) => new(
        ["dataset", "partitions", "read", "inserted", "updated", "unchanged"],
        results.Select(r => new object?[] { r.Dataset, r.Partitions.Count, r.Read, r.Inserted, r.Updated, r.Unchanged }).ToList());
}
