using System.CommandLine;
using System.Globalization;
using Spx.Research.Cli.Output;
using Spx.Research.Synthetic;

namespace Spx.Research.Cli.Commands;

/// <summary><c>spx samples [--output DIR]</c>: regenerates the bundled sample lake, byte for byte.</summary>
public static class SamplesCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output")
        {
            Description = $"Where to write the sample lake (default: ./{SampleLake.RelativePath.Replace('\\', '/')})",
            DefaultValueFactory = _ => SampleLake.RelativePath,
        };
        var command = new Command("samples",
            $"Regenerate the bundled sample lake: {SampleLake.From:yyyy-MM-dd} to {SampleLake.To:yyyy-MM-dd}, profile sample, seed {SampleLake.Seed}")
        {
            output,
        };
        command.SetAction(parse =>
        {
            var target = Path.GetFullPath(parse.GetValue(output)!);
            var writer = parse.InvocationConfiguration.Output;
            var rows = SampleLake.Build(target, new SyncProgress<GenerationProgress>(p => writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{p.LastDate:yyyy-MM-dd}  {p.SessionsDone}/{p.SessionsTotal} sessions  {p.RowsWritten:N0} rows"))));
            var bytes = Directory.EnumerateFiles(target, "*.parquet", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sample lake: {rows:N0} rows, {bytes / 1e6:0.0} MB in {target}"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
