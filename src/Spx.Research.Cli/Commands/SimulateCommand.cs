using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Spx.Research.Cli.Output;
using Spx.Research.Cli.Parsing;
using Spx.Research.Market;
using Spx.Research.Synthetic;
using Spx.Research.Simulator;
using Spx.Research.Simulator.Faults;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// <c>spx simulate serve [--port N] [--lake DIR | --seed N [--from D] [--to D]] [--speed X|max] [--start YYYY-MM-DDTHH:MM] [--key K] [--faults FILE]</c>:
/// runs the Polygon simulator on loopback until Ctrl+C, so clients, notebooks and demos work offline with
/// only the base URL changed. With <c>--seed</c> it serves as soon as the first session is generated; the rest
/// are generated in the background and requests that need them wait.
/// </summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Loopback port (0 = a free one)", DefaultValueFactory = _ => 0, CustomParser = ValueParsers.For(ValueParsers.Int(0, 65535)) };
        var lake = new Option<string?>("--lake") { Description = "Lake to serve (default: the bundled sample lake)" };
        var speed = new Option<string>("--speed") { Description = "Replay speed: 1, 60, … or max", DefaultValueFactory = _ => "1" };
        var start = new Option<string?>("--start") { Description = "Simulated clock start, New York time (YYYY-MM-DDTHH:MM); default 10:00 on the lake's first session, after its first chain poll" };
        var key = new Option<string>("--key") { Description = "API key clients must present", DefaultValueFactory = _ => SimulatorOptions.DefaultApiKey };
        var faults = new Option<string?>("--faults") { Description = "Fault plan file (JSON: {\"seed\":1,\"rules\":[{\"endpoint\":\"aggs\",\"fault\":\"rate_limit\",\"p\":0.2}]})" };
        var delayed = new Option<bool>("--delayed") { Description = "Serve snapshots 15 minutes late (timeframe DELAYED)" };
        var seed = new Option<long?>("--seed")
        {
            Description = "Serve a synthetic market with this seed, generated on the fly, instead of a lake (sessions --from..--to; serving starts after the first)",
            CustomParser = ValueParsers.Optional(ValueParsers.Long()),
        };
        var from = new Option<DateOnly?>("--from") { Description = "With --seed: first session to generate (YYYY-MM-DD, default 2025-03-03)", CustomParser = SessionDate };
        var to = new Option<DateOnly?>("--to") { Description = "With --seed: last session to generate (YYYY-MM-DD, default: --from + 4 days)", CustomParser = SessionDate };
        var serve = new Command("serve", "Serve Polygon's REST and WebSocket protocol from a lake until Ctrl+C")
        {
            port, lake, speed, start, key, faults, delayed, seed, from, to,
        };
        serve.SetAction(parse =>
        {
            ReplaySpeed pace;
            try { pace = ReplaySpeed.Parse(parse.GetValue(speed)!); }
            catch (FormatException error) { throw new UsageException(error.Message); }
            DateTimeOffset? clockStart = null;
            if (parse.GetValue(start) is { } text)
            {
                if (!DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                    throw new UsageException($"--start '{text}' is not YYYY-MM-DDTHH:MM");
                clockStart = NewYorkTime.ToUtc(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
            }
            var options = new SimulatorOptions
            {
                LakeRoot = parse.GetValue(lake) is { } root ? Path.GetFullPath(root) : null,
                ApiKey = parse.GetValue(key)!,
                Port = parse.GetValue(port),
                Speed = pace,
                ClockStart = clockStart,
                Delayed = parse.GetValue(delayed),
                Faults = parse.GetValue(faults) is { } file ? FaultPlan.Load(file) : FaultPlan.None,
            };
            var output = parse.InvocationConfiguration.Output;
            var errors = parse.InvocationConfiguration.Error;
            SyntheticSource? synthetic = null;
            if (parse.GetValue(seed) is { } seedValue)
            {
                if (options.LakeRoot is not null) throw new UsageException("--seed and --lake are exclusive: --seed generates the lake");
                var first = parse.GetValue(from) ?? new DateOnly(2025, 3, 3);
                var last = parse.GetValue(to) ?? first.AddDays(4);
                if (last < first) throw new UsageException($"--to {last:yyyy-MM-dd} is before --from {first:yyyy-MM-dd}");
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"generating seed {seedValue}, {first:yyyy-MM-dd}..{last:yyyy-MM-dd}: serving starts after the first session, the rest follow in the background …"));
                try
                {
                    synthetic = SyntheticSource.Start(seedValue, first, last,
                        new SyncProgress<GenerationProgress>(p =>
                        {
                            if (p.SessionsDone == p.SessionsTotal)
                                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated all {p.SessionsTotal} session(s), {p.RowsWritten:N0} rows"));
                        }),
                        failed: e => errors.WriteLine($"spx: generating the synthetic market failed; requests for the missing sessions get 500s: {e.GetType().Name}: {e.Message}"));
                }
                catch (ArgumentException range)
                {
                    throw new UsageException(range.Message);
                }
                options = options with { LakeRoot = synthetic.Root, Frontier = synthetic.Frontier };
            }
            using var generated = synthetic;
            using var stop = new CancellationTokenSource();
            // Ctrl+C, and SIGTERM from a service manager or `kill`: both stop serving and delete a generated lake.
            ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stop.Cancel(); };
            Console.CancelKeyPress += onCancel;
            using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Cancel(); });
            try
            {
                Serve(options, output, stop.Token).GetAwaiter().GetResult();
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
            return ExitCodes.Ok;
        });
        return new Command("simulate", "Local Polygon-compatible simulator (REST + WebSocket, fault injection)") { serve };
    }

    private static readonly Func<System.CommandLine.Parsing.ArgumentResult, DateOnly?> SessionDate =
        ValueParsers.Optional(ValueParsers.Date(NyseCalendar.FirstDate, NyseCalendar.LastDate, "the NYSE calendar's range"));

    private static async Task Serve(SimulatorOptions options, TextWriter output, CancellationToken stop)
    {
        await using var simulator = new PolygonSimulator(options);
        var baseUri = await simulator.StartAsync(stop);
        output.WriteLine(baseUri.ToString().TrimEnd('/'));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"clock {NewYorkTime.ToLocal(simulator.Clock!.Start):yyyy-MM-dd HH:mm} New York, speed {options.Speed}; {KeyHint(options.ApiKey)}; Ctrl+C to stop"));
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C.
        }
    }

    /// <summary>The default key is printed so a user can paste it; a key given with --key may be a real one and is not.</summary>
    private static string KeyHint(string key) =>
        key == SimulatorOptions.DefaultApiKey ? $"key '{key}'" : "key: the one given with --key";
}
