using System.CommandLine;
using System.Globalization;
using Spx.Research.Configuration;
using Spx.Research.Ingest.Import;
using Spx.Research.Ingest.Jobs;
using Spx.Research.Ingest.Quality;
using Spx.Research.Lake;
using Spx.Research.Market;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// <c>spx ingest import FILES… --dataset D [--mapping NAME]</c>: a user's CSV or Parquet files into the lake, with
/// the same validation, quarantine and de-duplication as every pipeline (docs/data-quality.md). One line per file:
/// stored, quarantined (with the reasons below it), duplicates. Runs as a job that <c>spx ingest stop</c> can stop
/// between partitions.
/// </summary>
public static class IngestImportCommand
{
    private const int ReasonsShown = 5;

    public static Command Create()
    {
        var files = new Argument<string[]>("FILES") { Description = "CSV (.csv, .csv.gz, .tsv) or Parquet files", Arity = ArgumentArity.OneOrMore };
        var dataset = new Option<string?>("--dataset") { Description = "Dataset to import into (default: the mapping's dataset)" };
        var mapping = new Option<string?>("--mapping") { Description = "A column mapping of the configuration: ingest.import.mappings.NAME" };
        var date = new Option<DateOnly?>("--date") { Description = "Partition date for datasets without a timestamp (option_contracts)", CustomParser = r => CommonOptions.SessionDate()(r) };
        var lake = CommonOptions.Lake();
        var command = new Command("import", "Import CSV or Parquet files you already have into a dataset: validated, quarantined with reasons, de-duplicated")
        {
            files, dataset, mapping, date, lake,
        };
        command.SetAction(parse =>
        {
            var settings = CliConfiguration.Of(parse).Settings;
            var (schema, map) = Resolve(settings, parse.GetValue(dataset), parse.GetValue(mapping));
            var paths = parse.GetValue(files)!;
            if (paths.FirstOrDefault(p => !File.Exists(p)) is { } missing) throw new FileNotFoundException($"no file at {missing}; nothing imported");
            var layout = new LakeLayout(CommonOptions.ResolveLake(parse, lake));
            return Run(parse, layout, schema, map, paths, parse.GetValue(date), settings);
        });
        return command;
    }

    private static int Run(ParseResult parse, LakeLayout layout, DatasetSchema schema, ImportMappingSettings map, string[] paths, DateOnly? date, SpxSettings settings)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var thresholds = new MetricThresholds
        {
            Window = settings.Ingest.Quality.MetricsWindow,
            CommitLatency = settings.Ingest.Quality.CommitLatencyWarning,
            ErrorRate = settings.Ingest.Quality.ErrorRateWarning,
        };
        var metrics = new SourceMetrics($"import:{schema.Name}", TimeProvider.System, thresholds);
        using var job = new JobRegistry(layout).Start("import", Environment.GetCommandLineArgs().Skip(1).ToList());
        job.Metrics = () => [metrics.Snapshot()];
        using var writer = new LakeWriter(layout, DatasetRegistry.Default, new BarChecks(NyseCalendar.Default).Apply());
        var importer = new FileImporter(writer);
        var failed = 0;
        for (var i = 0; i < paths.Length; i++)
        {
            if (job.IsStopRequested)
            {
                output.WriteLine($"stopped on request before {paths[i]}; {paths.Length - i} file(s) not imported");
                job.End(JobState.Stopped, $"stopped before file {i + 1} of {paths.Length}");
                return ExitCodes.Ok;
            }
            try
            {
                Write(output, schema.Name, importer.Import(paths[i], schema, map, date, metrics));
            }
            catch (ImportMappingException wrong)
            {
                job.End(JobState.Failed, wrong.Message);
                throw new UsageException(wrong.Message);
            }
            catch (ImportFileException unreadable)
            {
                error.WriteLine($"spx: error: {unreadable.Message}");
                metrics.Request(failed: true);
                failed++;
            }
            job.Checkpoint($"{i + 1}/{paths.Length} files, last {paths[i]}");
            job.Heartbeat();
        }
        job.End(failed == 0 ? JobState.Finished : JobState.Failed, failed == 0 ? null : $"{failed} file(s) unreadable");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }

    /// <summary>The dataset and mapping named on the command line; a name that does not exist is a usage error.</summary>
    private static (DatasetSchema, ImportMappingSettings) Resolve(SpxSettings settings, string? datasetName, string? mappingName)
    {
        var map = new ImportMappingSettings();
        if (mappingName is not null && !settings.Ingest.Import.Mappings.TryGetValue(mappingName, out map!))
        {
            var known = settings.Ingest.Import.Mappings.Keys.Order(StringComparer.Ordinal).ToList();
            throw new UsageException($"no mapping '{mappingName}' in ingest.import.mappings ({(known.Count == 0 ? "none configured" : "known: " + string.Join(", ", known))})");
        }
        var name = datasetName ?? (map.Dataset.Length > 0 ? map.Dataset : throw new UsageException("--dataset is required (or a --mapping with a dataset)"));
        if (!DatasetRegistry.Default.TryGet(name, out var schema))
            throw new UsageException($"unknown dataset '{name}'; known: {string.Join(", ", DatasetRegistry.Default.Datasets.Select(d => d.Name))}");
        return (schema, map);
    }

    private static void Write(TextWriter output, string dataset, ImportResult result)
    {
        var days = result.Partitions.Count == 0 ? "no partition" : result.Partitions.Count == 1
            ? result.Partitions[0].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : $"{result.Partitions.Count} partitions {result.Partitions[0]:yyyy-MM-dd}..{result.Partitions[^1]:yyyy-MM-dd}";
        output.WriteLine($"{result.File}: {result.Rows} rows: stored {result.Stored}, quarantined {result.Quarantined}, duplicates {result.Duplicates} ({days})");
        foreach (var (reason, count) in result.Reasons.Take(ReasonsShown)) output.WriteLine($"  quarantined {count}: {reason}");
        if (result.Reasons.Count > ReasonsShown) output.WriteLine($"  … {result.Reasons.Count - ReasonsShown} more reasons (see the quarantine.{dataset} view)");
        if (result.IgnoredColumns.Count > 0) output.WriteLine($"  ignored columns: {string.Join(", ", result.IgnoredColumns)}");
    }
}
