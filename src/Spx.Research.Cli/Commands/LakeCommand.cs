using System.CommandLine;
using Spx.Research.Cli.Output;
using Spx.Research.Lake;

namespace Spx.Research.Cli.Commands;

/// <summary><c>spx lake info</c>: what the lake holds — datasets, partitions, rows, bytes; <c>spx lake check</c> (see <see cref="LakeCheckCommand"/>).</summary>
public static class LakeCommand
{
    public static Command Create()
    {
        var lake = CommonOptions.Lake();
        var format = CommonOptions.Format();
        var info = new Command("info", "List datasets with partitions, rows, bytes and date range") { lake, format };
        info.SetAction(parse =>
        {
            using var session = LakeSession.Open(CommonOptions.ResolveLake(parse, lake));
            var rows = session.Info()
                .Select(d => new object?[] { d.Dataset, d.Partitions, d.Files, d.Rows, d.Bytes, d.FirstDate, d.LastDate, d.QuarantinedRows })
                .ToList();
            var table = new ResultTable(["dataset", "partitions", "files", "rows", "bytes", "first_date", "last_date", "quarantined_rows"], rows);
            var output = parse.InvocationConfiguration.Output;
            ResultWriter.Write(table, parse.GetValue(format), output);
            WriteWarnings(session, parse.InvocationConfiguration.Error);
            return ExitCodes.Ok;
        });
        return new Command("lake", "Inspect and verify the Parquet lake") { info, LakeCheckCommand.Create(), LakePurgeCommand.Create() };
    }

    /// <summary>
    /// The partitions a session left out because a file is unreadable, one <c>spx: warning:</c> line each on
    /// stderr: the answer above them lacks those rows, and the user must know.
    /// </summary>
    internal static void WriteWarnings(LakeSession session, TextWriter error)
    {
        foreach (var warning in session.Warnings) error.WriteLine($"spx: warning: {warning}");
    }
}
