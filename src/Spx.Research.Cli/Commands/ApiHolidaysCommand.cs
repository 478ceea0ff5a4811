using System.CommandLine;
using Spx.Research.Cli.Output;

namespace Spx.Research.Cli.Commands;

/// <summary><c>spx api holidays</c>: upcoming holidays and early closes, printed as parsed (shared options: <see cref="ApiOptions"/>).</summary>
internal static class ApiHolidaysCommand
{
    public static Command Create()
    {
        var command = new Command("holidays", "Upcoming market holidays and early closes: /v1/marketstatus/upcoming");
        command.SetAction((parse, ct) => ApiRestCall.Run(parse, ct, async client =>
        {
            var days = await client.UpcomingMarketDays(ct);
            return new ResultTable(["date", "exchange", "name", "status", "open_utc", "close_utc"],
                days.Select(d => new object?[] { d.Date, d.Exchange, d.Name, d.Status, d.Open, d.Close }).ToList());
        }));
        return command;
    }
}
