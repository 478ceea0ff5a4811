using System.CommandLine;
using Spx.Research.Cli.Parsing;
using Spx.Research.Configuration;
using Spx.Research.Ingest.Discovery;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// The backfill's discovery and concurrency flags: <c>--expiry</c>, <c>--strike-band</c>, <c>--parallelism</c>.
/// Each overrides its <c>ingest.*</c> setting for one run (flag, else configuration, else the default in code);
/// a bad value is a usage error naming the flag, checked by the same bounds as the configuration's.
/// </summary>
public static class IngestDiscoveryOptions
{
    public static readonly Option<ExpiryChoice?> Expiry = new("--expiry")
    {
        Description = "Which listed expiry the options follow: 0dte (the session's own, else the next) or 1dte (default: ingest.expiry, else 0dte)",
        CustomParser = ValueParsers.Optional(ParseExpiry),
    };

    public static readonly Option<double?> StrikeBand = new("--strike-band")
    {
        Description = "Strikes within this percent of the session's open, in (0, 50] (default: ingest.strike_band_percent, else 1)",
        CustomParser = ValueParsers.Optional(ParseBand),
    };

    public static readonly Option<int?> Parallelism = new("--parallelism")
    {
        Description = "Requests in flight at once, 1-64, all inside the one rate limiter (default: ingest.parallelism, else 4)",
        CustomParser = ValueParsers.Optional(ValueParsers.Int(1, 64)),
    };

    /// <summary>The discovery rule in effect: the flags where given, else the configuration.</summary>
    public static DiscoveryRule Rule(ParseResult parse, IngestSettings settings) => new(
        parse.GetValue(Expiry) ?? DiscoveryRule.ParseExpiry(settings.Expiry),
        parse.GetValue(StrikeBand) ?? settings.StrikeBandPercent);

    /// <summary>Requests in flight: the flag, else the configuration.</summary>
    public static int InFlight(ParseResult parse, IngestSettings settings) => parse.GetValue(Parallelism) ?? settings.Parallelism;

    private static ExpiryChoice ParseExpiry(string text) => text.ToLowerInvariant() switch
    {
        "0dte" => ExpiryChoice.ZeroDte,
        "1dte" => ExpiryChoice.OneDte,
        _ => throw new FormatException("is not 0dte or 1dte"),
    };

    private static double ParseBand(string text)
    {
        var percent = ValueParsers.Number(0, exclusive: true)(text);
        return percent <= 50 ? percent : throw new FormatException("is over 50: expected a percent of the open, e.g. 1");
    }
}
