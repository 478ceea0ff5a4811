using System.CommandLine;
using System.Globalization;
using Spx.Research.Cli.Output;
using Spx.Research.Cli.Parsing;
using Spx.Research.Polygon;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// What <c>spx api</c> (and <c>spx monitor</c>) parse beyond the common value parsers: base URLs, rate plans, API
/// dates, range options and stream topics; each mistake is a one-line usage error naming the option.
/// </summary>
internal static class ApiParsing
{
    /// <summary><c>--base-url</c>: the live API when absent, else an http(s) URL (usage error otherwise); shared with <c>spx monitor</c>.</summary>
    internal static Uri ParseBaseUrl(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return PolygonClientOptions.DefaultBaseUri;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new UsageException($"--base-url '{text}' is not an http(s) URL");
    }

    /// <summary><c>--plan</c>: free, unlimited, N/SECONDS, or auto (unlimited for a loopback <paramref name="baseUri"/>); shared with <c>spx monitor</c>.</summary>
    internal static RatePlan ParsePlan(string text, Uri baseUri)
    {
        switch (text.ToLowerInvariant())
        {
            case "free": return RatePlan.Free;
            case "unlimited": return RatePlan.Unlimited;
            case "auto": return baseUri.IsLoopback ? RatePlan.Unlimited : RatePlan.Free; // a local simulator has no plan
        }

        var parts = text.Split('/');
        return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var permits) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var seconds) && permits > 0 && seconds > 0
            ? RatePlan.PerWindow(permits, TimeSpan.FromSeconds(seconds))
            : throw new UsageException($"--plan '{text}': expected free, unlimited or N/SECONDS (e.g. 100/60)");
    }

    /// <summary>The simulator serves REST and WebSocket on one port: http://host:port becomes ws://host:port.</summary>
    internal static Uri WebSocketBase(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)) throw new UsageException($"--base-url '{text}' is not a URL");
        var scheme = uri.Scheme switch { "http" or "ws" => "ws", "https" or "wss" => "wss", _ => throw new UsageException($"--base-url '{text}' is not an http(s) or ws(s) URL") };
        return new UriBuilder(uri) { Scheme = scheme, Port = uri.IsDefaultPort ? -1 : uri.Port }.Uri;
    }

    /// <summary>The API counts time in Unix milliseconds: a date before 1970 names no data, only a server error.</summary>
    internal static readonly Func<string, DateOnly> ApiDates = ValueParsers.Date(first: new DateOnly(1970, 1, 1), range: "Unix time, which the API counts in");

    internal static Func<System.CommandLine.Parsing.ArgumentResult, DateOnly> ApiDate() => ValueParsers.For(ApiDates);

    internal static Option<ContractType?> ContractTypeOption() => new("--type")
    {
        Description = "Contract type", HelpName = ValueParsers.ChoiceList<ContractType>("|"), CustomParser = ValueParsers.Optional(ValueParsers.Choice<ContractType>()),
    };

    internal static (Option<DateOnly?> From, Option<DateOnly?> To) ExpiryOptions() =>
        (new Option<DateOnly?>("--expiration-gte") { Description = "Expiring on or after (YYYY-MM-DD)", CustomParser = ValueParsers.Optional(ApiDates) },
         new Option<DateOnly?>("--expiration-lte") { Description = "Expiring on or before (YYYY-MM-DD)", CustomParser = ValueParsers.Optional(ApiDates) });

    internal static (Option<double?> From, Option<double?> To) StrikeOptions() =>
        (new Option<double?>("--strike-gte") { Description = "Strike at least", CustomParser = ValueParsers.Optional(ValueParsers.Number(0, exclusive: true)) },
         new Option<double?>("--strike-lte") { Description = "Strike at most", CustomParser = ValueParsers.Optional(ValueParsers.Number(0, exclusive: true)) });

    /// <summary>The filter for a pair of bound options; bounds the wrong way round are a usage error, as in <c>calendar</c>.</summary>
    internal static RangeFilter<T>? Range<T>(Option<T?> fromOption, Option<T?> toOption, ParseResult parse) where T : struct, IComparable<T>
    {
        var (from, to) = (parse.GetValue(fromOption), parse.GetValue(toOption));
        if (from is { } low && to is { } high) Ordered(fromOption, low, toOption, high);
        return from is null && to is null ? null : new RangeFilter<T> { AtLeast = from, AtMost = to };
    }

    internal static (T From, T To) Ordered<T>(Option fromOption, T from, Option toOption, T to) where T : IComparable<T> =>
        to.CompareTo(from) < 0
            ? throw new UsageException($"{toOption.Name} {CellText.Format(to)} is before {fromOption.Name} {CellText.Format(from)}")
            : (from, to);

    /// <summary><c>--subscribe A.SPY,AM.SPY</c>: each topic checked, so a typo fails before connecting.</summary>
    internal static string[] Topics(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        var topics = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (topics.Length == 0) result.AddError($"--subscribe '{text}' names no topic: expected EVENT.TICKER[,…], e.g. AM.SPY");
        foreach (var topic in topics)
        {
            try
            {
                Tickers.Topic(topic);
            }
            catch (FormatException problem)
            {
                result.AddError($"--subscribe '{topic}' {problem.Message}");
                return [];
            }
        }
        return topics;
    }
}
