using System.CommandLine;
using Spx.Research.Cli.Output;
using Spx.Research.Cli.Parsing;
using Spx.Research.Configuration;
using Spx.Research.Polygon;
using Spx.Research.Polygon.WebSocket;

namespace Spx.Research.Cli.Commands;

/// <summary><c>spx api stream</c>: WebSocket events for a while, printed as parsed (shared options: <see cref="ApiOptions"/>).</summary>
internal static class ApiStreamCommand
{
    public static Command Create()
    {
        var cluster = new Option<StreamCluster?>("--cluster")
        {
            Description = "Which feed (default stocks)", HelpName = ValueParsers.ChoiceList<StreamCluster>("|"),
            CustomParser = ValueParsers.Optional(ValueParsers.Choice<StreamCluster>()),
        };
        var subscribe = new Option<string[]>("--subscribe")
        {
            Description = "Topics, comma-separated: A.SPY,AM.SPY or AM.I:SPX,V.I:SPX", Required = true, CustomParser = ApiParsing.Topics,
        };
        var duration = new Option<TimeSpan?>("--for")
        {
            Description = "How long to listen: 90s, 5m, 1h, 2d or hh:mm:ss (default 30s)", HelpName = "duration",
            CustomParser = ValueParsers.Optional(ValueParsers.Duration(TimeSpan.FromSeconds(1), TimeSpan.FromDays(7))),
        };
        var count = new Option<int?>("--count")
        {
            Description = "Stop after this many bars or values (default: no limit; --for still applies)", HelpName = "n",
            CustomParser = ValueParsers.Optional(ValueParsers.Int(1)),
        };
        var delayed = new Option<bool>("--delayed") { Description = "Use the 15-minute delayed feed (wss://delayed.massive.com)" };
        var command = new Command("stream", "Print WebSocket events for a while: one row per event (subscription replies included), counters on stderr")
        {
            cluster, subscribe, duration, count, delayed,
        };
        command.SetAction(async (parse, ct) =>
        {
            var errors = parse.InvocationConfiguration.Error;
            var options = Options(parse, parse.GetValue(cluster) ?? StreamCluster.Stocks, parse.GetValue(delayed));

            var rows = new StreamRows();
            var connected = false;
            var limit = parse.GetValue(count) ?? int.MaxValue;
            var listen = parse.GetValue(duration) ?? TimeSpan.FromSeconds(30);
            await using var client = new PolygonStreamClient(options);
            using var window = CancellationTokenSource.CreateLinkedTokenSource(ct);
            window.CancelAfter(listen);
            try
            {
                await client.ConnectAsync(window.Token);
                connected = true;
                rows.AddUnanswered(await client.SubscribeAsync(parse.GetValue(subscribe)!, window.Token));
                await foreach (var ev in client.ReadAllAsync(window.Token))
                {
                    rows.Add(ev);
                    if (rows.DataRows == limit) break;
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // --for elapsed; before the handshake finished that is a failure, not an empty answer.
                if (!connected) throw new PolygonStreamException($"no connection to {client.Endpoint} within --for {Durations.Format(listen)}");
            }
            finally
            {
                // What arrived before a failure is shown too: it is what a user debugging a feed needs.
                if (connected)
                {
                    ResultWriter.Write(rows.ToTable(), parse.GetValue(ApiOptions.Format), parse.InvocationConfiguration.Output);
                    var stats = client.Statistics;
                    errors.WriteLine($"spx: {stats.EventsDelivered} events delivered, {stats.EventsDropped} dropped, {stats.DuplicatesDropped} duplicates, {stats.Reconnects} reconnects, {stats.DecodeErrors} decode errors");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// The stream's options from the shared flags: key, endpoint (a simulator's <c>--base-url</c> as ws://, else the
    /// live feed), handshake timeout and reconnect budget; each reconnect attempt is a line on stderr.
    /// </summary>
    private static PolygonStreamOptions Options(ParseResult parse, StreamCluster cluster, bool delayed)
    {
        var key = ApiOptions.ResolveKey(parse);
        var baseUrl = parse.GetValue(ApiOptions.BaseUrl) is { Length: > 0 } flag ? flag
            : ApiOptions.Configured(parse, "api.base_url") ? CliConfiguration.Of(parse).Settings.Api.BaseUrl.OriginalString
            : null;
        // The live API's REST host is not its stream host (only a simulator serves both on one port), so the
        // default base URL — e.g. from a copied spx.example.yaml — means the live stream, real-time or delayed.
        if (baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var given) && given.Host == PolygonClientOptions.DefaultBaseUri.Host) baseUrl = null;
        var errors = parse.InvocationConfiguration.Error;
        var options = new PolygonStreamOptions
        {
            ApiKey = key,
            Cluster = cluster,
            BaseUri = baseUrl is { Length: > 0 } ? ApiParsing.WebSocketBase(baseUrl) : delayed ? PolygonStreamOptions.Delayed : PolygonStreamOptions.RealTime,
            OnReconnectAttempt = notice => errors.WriteLine(RetryLines.Reconnect(notice)),
        };
        if (ApiOptions.ChosenTimeout(parse) is { } timeout) options = options with { HandshakeTimeout = timeout };
        if (ApiOptions.ChosenRetries(parse) is { } retries) options = options with { Reconnect = options.Reconnect with { MaxAttempts = retries } };
        return options;
    }
}
