using System.CommandLine;
using Spx.Research.Cli.Output;
using Spx.Research.Market;

namespace Spx.Research.Cli.Commands;

/// <summary><c>spx calendar --from D --to D</c>: one row per NYSE session, instants in UTC.</summary>
public static class CalendarCommand
{
    public static Command Create()
    {
        var from = new Option<DateOnly>("--from") { Description = "First date (YYYY-MM-DD), inclusive", Required = true, CustomParser = CommonOptions.SessionDate() };
        var to = new Option<DateOnly>("--to") { Description = "Last date (YYYY-MM-DD), inclusive", Required = true, CustomParser = CommonOptions.SessionDate() };
        var format = CommonOptions.Format();
        var command = new Command("calendar", "List NYSE sessions: open and close instants (UTC) and early closes")
        {
            from, to, format,
        };
        command.SetAction(parse =>
        {
            var first = parse.GetValue(from);
            var last = parse.GetValue(to);
            if (last < first) throw new UsageException($"--to {last:yyyy-MM-dd} is before --from {first:yyyy-MM-dd}");
            var rows = NyseCalendar.Default.Sessions(first, last)
                .Select(s => new object?[] { s.Date, s.Open, s.Close, s.IsEarlyClose })
                .ToList();
            var table = new ResultTable(["date", "open_utc", "close_utc", "early_close"], rows);
            ResultWriter.Write(table, parse.GetValue(format), parse.InvocationConfiguration.Output);
            return ExitCodes.Ok;
        });
        return command;
    }
}
