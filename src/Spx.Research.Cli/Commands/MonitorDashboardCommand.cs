using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using Spx.Research.Cli.Parsing;
using Spx.Research.Configuration;
using Spx.Research.Dashboard;
using Spx.Research.Polygon.Clock;
using Spx.Research.Polygon;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// <c>spx monitor dashboard [--lake DIR] [--address 127.0.0.1] [--port 5080] [--server-clock --base-url URL]</c>:
/// serves the monitor's live dashboard (JSON API and page) over the lake until Ctrl+C or SIGTERM. Loopback by
/// default: listening on another interface is a deliberate <c>--address</c>. A lake that does not exist yet is not
/// an error — the monitor may start later — and the API answers 503 until it does. With <c>--server-clock</c> (or
/// <c>monitor.follow_server_clock</c>) the health check's lag and market state go by the API's clock, as
/// <c>spx monitor run --server-clock</c> polls by it; otherwise by the wall clock.
/// </summary>
public static class MonitorDashboardCommand
{
    public static Command Create()
    {
        var defaults = new DashboardSettings();
        var lake = CommonOptions.Lake();
        var address = new Option<IPAddress?>("--address")
        {
            Description = $"Address to listen on (default: dashboard.address of the configuration, else {defaults.Address}; 0.0.0.0 exposes the dashboard to the network)",
            CustomParser = ValueParsers.For(ParseAddress),
        };
        var port = new Option<int?>("--port")
        {
            Description = $"Port to listen on, 0 = a free one (default: dashboard.port of the configuration, else {defaults.Port})",
            CustomParser = ValueParsers.For(text => (int?)ValueParsers.Int(0, 65535)(text)),
        };
        var serverClock = new Option<bool>("--server-clock")
        {
            Description = "Judge lag and market state by the API's clock (serverTime of /v1/marketstatus/now), as spx monitor run --server-clock polls by it; needs an API key and an unlimited plan",
        };
        var baseUrl = new Option<string?>("--base-url") { Description = "API base URL whose clock --server-clock follows (default: the configuration's api.base_url)" };
        var plan = new Option<string?>("--plan") { Description = "Client-side rate limit for the clock's requests (default: api.plan of the configuration, else unlimited for a loopback base URL)" };
        var command = new Command("dashboard", "Serve the monitor's live dashboard (JSON API + page) over the lake until Ctrl+C")
        {
            lake, address, port, serverClock, baseUrl, plan,
        };
        command.SetAction(async (parse, ct) =>
        {
            var configuration = CliConfiguration.Of(parse);
            var settings = configuration.Settings;
            var root = CommonOptions.ResolveLake(parse, lake);
            var output = parse.InvocationConfiguration.Output;
            var errors = parse.InvocationConfiguration.Error;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stop.Cancel(); };
            Console.CancelKeyPress += onCancel;
            using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Cancel(); });
            try
            {
                await using var clock = parse.GetValue(serverClock) || settings.Monitor.FollowServerClock
                    ? await ServerClockSource.FollowAsync(configuration, parse.GetValue(baseUrl), parse.GetValue(plan), errors, stop.Token)
                    : null;
                var options = new DashboardOptions
                {
                    LakeRoot = root,
                    Dashboard = settings.Dashboard with
                    {
                        Address = parse.GetValue(address)?.ToString() ?? settings.Dashboard.Address,
                        Port = parse.GetValue(port) ?? settings.Dashboard.Port,
                    },
                    Detector = settings.Detector,
                    Monitor = settings.Monitor,
                    Clock = (TimeProvider?)clock?.Clock ?? TimeProvider.System,
                };
                if (!Directory.Exists(root)) errors.WriteLine($"spx: warning: no lake at {root} yet: the API answers 503 until the monitor writes one");
                await ServeAsync(options, clock, output, stop.Token);
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Serves until <paramref name="stop"/>; the URL is the first line of the output.</summary>
    private static async Task ServeAsync(DashboardOptions options, ServerClockSource? clock, TextWriter output, CancellationToken stop)
    {
        await using var server = new DashboardServer(options);
        var url = await server.StartAsync(stop);
        output.WriteLine(url.ToString());
        output.WriteLine($"lake {options.LakeRoot}; Ctrl+C to stop");
        output.WriteLine(clock is null ? "clock: the wall clock" : $"clock: following {clock.Origin} at {clock.Clock.Rate:0.##}x the wall clock");
        await Task.Delay(Timeout.Infinite, stop).ContinueWith(_ => { }, CancellationToken.None);
        output.WriteLine("stopped");
    }

    private static IPAddress ParseAddress(string text) =>
        IPAddress.TryParse(text, out var parsed) ? parsed : throw new FormatException("is not an IP address (e.g. 127.0.0.1, or 0.0.0.0 for every interface)");
}
