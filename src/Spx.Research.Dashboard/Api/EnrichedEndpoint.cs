using System.Text.Json;
using Spx.Research.Lake;
using Spx.Research.Monitor.Detection;

namespace Spx.Research.Dashboard.Api;

/// <summary>
/// <c>/api/intraday/latest/enriched</c>: the newest poll as the detector sees it — each contract with its
/// comparison volume and source (<see cref="ComparisonQuery"/>, the detector's own query), the change against
/// it, the premium, whether the floors are reached, the rules that fire (the detector's own rules, so the page
/// never disagrees with the alerts) and the rules already alerted this session. Takes <c>?expiry=</c>, <c>?ticker=</c>.
/// </summary>
internal static class EnrichedEndpoint
{
    public static void Write(Utf8JsonWriter json, LakeSession lake, ApiQuery query, DashboardOptions options)
    {
        var latest = LatestPoll.Find(lake);
        var contracts = latest is null
            ? []
            : ComparisonQuery.Run(lake, options.Calendar, latest.PollTs, latest.Session, options.Detector);
        var alerted = latest is null ? new HashSet<(string, string)>() : AlertStore.Raised(lake, latest.Session);
        var rules = new HedgingDetector(new LakeLayout(options.LakeRoot), options.Detector, options.Calendar).Rules;

        json.WriteStartObject();
        IntradayEndpoints.WritePoll(json, latest);
        json.WriteStartObject("source_counts");
        foreach (var source in ComparisonSources.All) json.WriteNumber(source.Name(), contracts.Count(c => c.Source == source));
        json.WriteEndObject();
        json.WriteStartArray("rows");
        foreach (var contract in contracts.Where(c => Matches(c, query)).OrderBy(c => c.Expiry).ThenBy(c => c.Strike).ThenBy(c => c.Ticker, StringComparer.Ordinal))
            WriteContract(json, contract, rules, alerted, options);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static bool Matches(PolledContract contract, ApiQuery query) =>
        (query.Expiry is not { } expiry || contract.Expiry == expiry)
        && (query.Ticker is not { } ticker || contract.Ticker == ticker);

    private static void WriteContract(
        Utf8JsonWriter json, PolledContract c, IReadOnlyList<IHedgingRule> rules, IReadOnlySet<(string, string)> alerted, DashboardOptions options)
    {
        var premium = TradedPremium.Of(c);
        var floors = ContractFloors.Reached(c, premium, options.Detector);
        json.WriteStartObject();
        json.WriteString("ticker", c.Ticker);
        json.WriteString("expiry", JsonRows.Date(c.Expiry));
        json.WriteNumber("strike", c.Strike);
        json.WriteNumber("spot", c.Spot);
        json.WriteNumber("day_volume", c.DayVolume);
        json.WriteNumber("volume_delta", c.VolumeDelta);
        Value(json, "comparison_volume", c.ComparisonVolume);
        json.WriteString("comparison_source", c.Source.Name());
        Value(json, "comparison_ts", c.ComparisonTs);
        Value(json, "change", c.DayVolume - c.ComparisonVolume);
        Value(json, "ratio", c.ComparisonVolume is > 0 and var comparison ? (double)c.DayVolume / comparison : null);
        Value(json, "price", premium.Price);
        json.WriteString("price_source", premium.Source.ToString().ToLowerInvariant());
        Value(json, "premium", premium.Dollars);
        json.WriteBoolean("floors_reached", floors);
        json.WriteStartArray("flags");
        foreach (var rule in rules.Where(r => floors && r.Check(c) is not null)) json.WriteStringValue(rule.Name);
        json.WriteEndArray();
        json.WriteStartArray("alerted");
        foreach (var rule in rules.Where(r => alerted.Contains((c.Ticker, r.Name)))) json.WriteStringValue(rule.Name);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Value(Utf8JsonWriter json, string name, object? value)
    {
        json.WritePropertyName(name);
        JsonRows.WriteValue(json, value);
    }
}
