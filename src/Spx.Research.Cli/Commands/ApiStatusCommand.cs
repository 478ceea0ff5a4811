using System.CommandLine;
using Spx.Research.Cli.Output;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Cli.Commands;

/// <summary><c>spx api status</c>: the market status now, printed as parsed (shared options: <see cref="ApiOptions"/>).</summary>
internal static class ApiStatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "Market status now: /v1/marketstatus/now");
        command.SetAction((parse, ct) => ApiRestCall.Run(parse, ct, async client =>
        {
            var status = await client.MarketStatusNow(ct);
            IEnumerable<object?[]> rows =
            [
                ["market", status.Market], ["early_hours", status.EarlyHours], ["after_hours", status.AfterHours], ["server_time", status.ServerTime],
                .. (status.Exchanges ?? new Dictionary<string, string>()).Select(e => new object?[] { "exchange." + e.Key, e.Value }),
                .. (status.IndicesGroups ?? new Dictionary<string, string>()).Select(e => new object?[] { "indices." + e.Key, e.Value }),
            ];
            return new ResultTable(["field", "value"], rows.ToList());
        }));
        return command;
    }
}
