using System.Globalization;
using Spx.Research.Configuration;
using Spx.Research.Lake;
using Spx.Research.Market;

namespace Spx.Research.Monitor.Detection;

/// <summary>
/// The prototype's unusual-hedging detector, run on one stored poll: each contract gets its comparison
/// volume from the fallback chain (<see cref="ComparisonQuery"/>), must reach the volume and premium floors
/// (<see cref="ContractFloors"/>), and is checked by each rule; a rule that fires raises an alert unless the
/// session already has that (ticker, rule) alert in the lake. New alerts are stored before they are returned,
/// so whatever notifies them can rely on the lake. Rules and thresholds: docs/monitor.md.
/// </summary>
public sealed class HedgingDetector
{
    private readonly LakeLayout _lake;
    private readonly DetectorSettings _settings;
    private readonly NyseCalendar _calendar;
    private readonly DatasetRegistry _registry;
    private readonly IReadOnlyList<IHedgingRule> _rules;

    /// <summary>A detector over the lake at <paramref name="lake"/> with the thresholds of <paramref name="settings"/>.</summary>
    public HedgingDetector(LakeLayout lake, DetectorSettings settings, NyseCalendar? calendar = null, DatasetRegistry? registry = null)
    {
        _lake = lake;
        _settings = settings;
        _calendar = calendar ?? NyseCalendar.Default;
        _registry = MonitorRegistry.With(registry);
        _rules = [new VolumeDeltaRule(settings), new DayOverDayRule(settings), new DormancyRule(settings)];
    }

    /// <summary>The rules, in the order they are checked.</summary>
    public IReadOnlyList<IHedgingRule> Rules => _rules;

    /// <summary>
    /// Evaluates the poll stored at <paramref name="pollTs"/> and stores its new alerts. A poll instant with no
    /// stored rows evaluates to no contracts.
    /// </summary>
    /// <exception cref="ArgumentException">The instant is not within an NYSE session's day (the message names the date).</exception>
    public DetectorResult Evaluate(DateTimeOffset pollTs)
    {
        using var writer = new LakeWriter(_lake, _registry);
        return Evaluate(pollTs, writer);
    }

    /// <summary>As <see cref="Evaluate(DateTimeOffset)"/>, storing the alerts through <paramref name="writer"/> (a monitor cycle's).</summary>
    /// <exception cref="ArgumentException">The instant is not within an NYSE session's day, or the writer does not know <c>alerts</c>.</exception>
    public DetectorResult Evaluate(DateTimeOffset pollTs, LakeWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!writer.Registry.Contains(AlertStore.Dataset))
            throw new ArgumentException($"The writer's registry has no {AlertStore.Dataset} dataset (use MonitorRegistry.With()).", nameof(writer));
        var session = _calendar.Session(NewYorkTime.LocalDate(pollTs)).Date;
        using var reader = new LakeSession(_lake, _registry);
        var contracts = ComparisonQuery.Run(reader, _calendar, pollTs, session, _settings);
        var stored = AlertStore.Raised(reader, session);

        var raised = new List<HedgingAlert>();
        var alreadyRaised = 0;
        var considered = 0;
        foreach (var contract in contracts)
        {
            var premium = TradedPremium.Of(contract);
            if (!ContractFloors.Reached(contract, premium, _settings)) continue;
            considered++;
            foreach (var rule in _rules)
            {
                if (rule.Check(contract) is not { } reason) continue;
                if (stored.Contains((contract.Ticker, rule.Name)))
                {
                    alreadyRaised++;
                    continue;
                }
                raised.Add(Alert(contract, rule, reason, premium));
            }
        }

        AlertStore.Append(writer, session, raised);
        var counts = ComparisonSources.All.ToDictionary(s => s, s => contracts.Count(c => c.Source == s));
        return new DetectorResult(pollTs, session, contracts.Count, considered, counts, raised, alreadyRaised);
    }

    /// <summary>
    /// Evaluates the latest poll stored in the lake; null when there is none.
    /// </summary>
    public DetectorResult? EvaluateLatest()
    {
        using var reader = new LakeSession(_lake, _registry);
        var latest = reader.Query("SELECT epoch_us(max(poll_ts)) FROM monitor_polls", r => r.Read() && !r.IsDBNull(0) ? r.GetInt64(0) : (long?)null);
        return latest is { } micros ? Evaluate(DateTimeOffset.UnixEpoch.AddTicks(micros * 10)) : null;
    }

    private static HedgingAlert Alert(PolledContract contract, IHedgingRule rule, string reason, TradedPremium premium) => new(
        contract.PollTs,
        contract.Session,
        rule.Name,
        contract.Ticker,
        contract.Expiry,
        contract.Strike,
        contract.Spot,
        contract.DayVolume,
        contract.VolumeDelta,
        contract.ComparisonVolume,
        contract.Source,
        premium.Dollars,
        string.Create(CultureInfo.InvariantCulture,
            $"{rule.Name} {contract.Ticker}: {reason}; premium {premium}; spot {contract.Spot:0.00} at {NewYorkTime.ToLocal(contract.PollTs):HH:mm} ET {contract.Session:yyyy-MM-dd}"));
}
