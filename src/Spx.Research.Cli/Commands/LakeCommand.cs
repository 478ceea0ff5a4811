using System.CommandLine;
using Spx.Research.Cli.Output;
using Spx.Research.Lake;

namespace Spx.Research.Cli.Commands;

/// <summary><c>spx lake info</c>: what the lake holds — datasets, partitions, rows, bytes.</summary>
public static class LakeCommand
{
    public static Command Create()
    {
        var lake = CommonOptions.Lake();
        var format = CommonOptions.Format();
        var info = new Command("info", "List datasets with partitions, rows, bytes and date range") { lake, format };
        info.SetAction(parse =>
        {
            var root = CommonOptions.ResolveLake(parse.GetValue(lake));
            if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"no lake at {root} (pass --lake DIR or set {CommonOptions.LakeVariable})");
            using var session = LakeSession.Open(root);
            var rows = session.Info()
                .Select(d => new object?[] { d.Dataset, d.Partitions, d.Files, d.Rows, d.Bytes, d.FirstDate, d.LastDate, d.QuarantinedRows })
                .ToList();
            var table = new ResultTable(["dataset", "partitions", "files", "rows", "bytes", "first_date", "last_date", "quarantined_rows"], rows);
            var output = parse.InvocationConfiguration.Output;
            ResultWriter.Write(table, parse.GetValue(format), output);
            return ExitCodes.Ok;
        });
        return new Command("lake", "Inspect the Parquet lake") { info };
    }
}
