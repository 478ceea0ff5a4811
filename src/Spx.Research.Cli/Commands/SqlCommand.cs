using System.CommandLine;
using Spx.Research.Cli.Output;
using Spx.Research.Lake;

namespace Spx.Research.Cli.Commands;

/// <summary><c>spx sql "QUERY"</c>: any query over the lake's views, in an in-memory DuckDB.</summary>
public static class SqlCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "SQL to run; every lake dataset is a view of the same name" };
        var lake = CommonOptions.Lake();
        var format = CommonOptions.Format();
        var command = new Command("sql", "Run a SQL query over the lake views (a query that reads no dataset works with no lake)")
        {
            query, lake, format,
        };
        command.SetAction(parse =>
        {
            var text = parse.GetValue(query);
            if (string.IsNullOrWhiteSpace(text)) throw new UsageException("the query is empty");
            using var session = LakeSession.Open(CommonOptions.ResolveLake(parse, lake));
            // Query() re-lists and re-runs if a concurrent writer swapped a partition version meanwhile.
            var table = session.Query(text!, ResultTable.From);
            ResultWriter.Write(table, parse.GetValue(format), parse.InvocationConfiguration.Output);
            LakeCommand.WriteWarnings(session, parse.InvocationConfiguration.Error);
            return ExitCodes.Ok;
        });
        return command;
    }
}
