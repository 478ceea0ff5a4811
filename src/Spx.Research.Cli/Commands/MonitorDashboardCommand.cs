using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using Spx.Research.Cli.Parsing;
using Spx.Research.Configuration;
using Spx.Research.Dashboard;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// <c>spx monitor dashboard [--lake DIR] [--address 127.0.0.1] [--port 5080]</c>: serves the monitor's live
/// dashboard (JSON API and page) over the lake until Ctrl+C or SIGTERM. Loopback by default: listening on
/// another interface is a deliberate <c>--address</c>. A lake that does not exist yet is not an error — the
/// monitor may start later — and the API answers 503 until it does.
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
        var command = new Command("dashboard", "Serve the monitor's live dashboard (JSON API + page) over the lake until Ctrl+C")
        {
            lake, address, port,
        };
        command.SetAction(async (parse, ct) =>
        {
            var root = CommonOptions.ResolveLake(parse, lake);
            var settings = CliConfiguration.Of(parse).Settings;
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
            };
            var output = parse.InvocationConfiguration.Output;
            var errors = parse.InvocationConfiguration.Error;
            if (!Directory.Exists(root)) errors.WriteLine($"spx: warning: no lake at {root} yet: the API answers 503 until the monitor writes one");

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stop.Cancel(); };
            Console.CancelKeyPress += onCancel;
            using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Cancel(); });
            try
            {
                await using var server = new DashboardServer(options);
                var url = await server.StartAsync(stop.Token);
                output.WriteLine(url.ToString());
                output.WriteLine($"lake {root}; Ctrl+C to stop");
                await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, CancellationToken.None);
                output.WriteLine("stopped");
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static IPAddress ParseAddress(string text) =>
        IPAddress.TryParse(text, out var parsed) ? parsed : throw new FormatException("is not an IP address (e.g. 127.0.0.1, or 0.0.0.0 for every interface)");
}
