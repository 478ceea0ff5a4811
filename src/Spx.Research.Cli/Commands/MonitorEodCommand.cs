using System.CommandLine;
using Spx.Research.Configuration;
using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Monitor.EndOfDay;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// <c>spx monitor eod [--date D] [--lake DIR]</c>: closes a monitor session (daily rows, compaction,
/// retention) and prints what it did and the monitor datasets' totals. Safe to repeat and to run for past
/// sessions; without <c>--date</c> it closes the latest session with polls.
/// </summary>
public static class MonitorEodCommand
{
    public static Command Create()
    {
        var date = new Option<DateOnly?>("--date")
        {
            Description = "Session to close (YYYY-MM-DD; default: the latest session with polls)",
            CustomParser = result => CommonOptions.SessionDate()(result),
        };
        var lake = CommonOptions.Lake();
        var command = new Command("eod", "End of day: each contract's last poll to monitor_daily, compact the day's polls, apply retention")
        {
            date, lake,
        };
        command.SetAction(parse =>
        {
            var root = CommonOptions.ResolveLake(parse, lake);
            if (!Directory.Exists(root)) throw new LakeNotFoundException(root);
            var endOfDay = new MonitorEndOfDay(new LakeLayout(root), CliConfiguration.Of(parse).Settings.Monitor);
            var output = parse.InvocationConfiguration.Output;
            var session = parse.GetValue(date) ?? endOfDay.LatestPolledSession();
            if (session is null)
            {
                output.WriteLine($"no polls in {root}: nothing to close");
                return ExitCodes.Ok;
            }
            RequireSession(session.Value);
            foreach (var line in endOfDay.Run(session.Value).Lines()) output.WriteLine(line);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A date the NYSE is closed is the user's mistake (exit 2); the calendar's message says why it is closed.</summary>
    private static void RequireSession(DateOnly date)
    {
        if (NyseCalendar.Default.IsSession(date)) return;
        try
        {
            NyseCalendar.Default.Session(date);
        }
        catch (ArgumentException closed)
        {
            throw new UsageException("--date " + closed.Message.Split(" (Parameter", 2)[0]);
        }
    }
}
