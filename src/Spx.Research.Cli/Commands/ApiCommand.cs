using System.CommandLine;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// <c>spx api …</c>: call one Polygon/Massive endpoint and print the parsed results — the tool to reach for
/// when a feed looks wrong. The key comes from <c>MASSIVE_API_KEY</c>/<c>POLYGON_API_KEY</c> (or <c>--key</c>);
/// <c>--base-url</c> points at another server, e.g. <c>spx simulate serve</c>. <c>--base-url</c>, <c>--plan</c>,
/// <c>--timeout</c> and <c>--retries</c> default to the configuration's <c>api.*</c> keys when the file sets them.
/// </summary>
public static class ApiCommand
{
    public static Command Create()
    {
        var api = new Command("api", "Call the Polygon/Massive API (or the simulator) and print parsed results") { ApiOptions.BaseUrl, ApiOptions.Key, ApiOptions.Plan, ApiOptions.Timeout, ApiOptions.Retries, ApiOptions.Format };
        api.Add(ApiAggsCommand.Create());
        api.Add(ApiContractsCommand.Create());
        api.Add(ApiChainCommand.Create());
        api.Add(ApiSnapshotCommand.Create());
        api.Add(ApiStatusCommand.Create());
        api.Add(ApiHolidaysCommand.Create());
        api.Add(ApiNewsCommand.Create());
        api.Add(ApiStreamCommand.Create());
        return api;
    }
}
