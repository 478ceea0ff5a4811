using System.Globalization;
using System.Text.RegularExpressions;

namespace Spx.Research.Configuration;

/// <summary>
/// What each value may be once it has the right type (ranges, choices), and what values must agree with each
/// other (DTE min ≤ max, quiet hours in pairs, a target that can be reached). Messages say what was expected;
/// the loader puts the file, line, key and value as written in front.
/// </summary>
public static partial class SettingsRules
{
    /// <summary>What is wrong with <paramref name="value"/> for the key at <paramref name="path"/> (items as <c>[]</c>), or null; the caller shows the value first.</summary>
    public static string? Check(string path, object value) => Checks.TryGetValue(path, out var check) ? check(value) : null;

    /// <summary>A problem found by <see cref="Across"/>: the key to blame, the message after it, and the keys it is about.</summary>
    /// <param name="About">Keys (or items) the rule read: when one of them was refused already, the problem is only its echo.</param>
    public sealed record Problem(string Path, string Message, IReadOnlyList<string> About);

    /// <summary>
    /// Rules between keys. <paramref name="given"/> says whether a key was in the file, so a clash between a
    /// given value and a default blames the line the user wrote.
    /// </summary>
    public static IEnumerable<Problem> Across(SpxSettings settings, Func<string, bool> given)
    {
        var monitor = settings.Monitor;
        if (monitor.MaxDaysToExpiry < monitor.MinDaysToExpiry)
            yield return Clash("monitor.max_days_to_expiry", monitor.MaxDaysToExpiry, "monitor.min_days_to_expiry", monitor.MinDaysToExpiry, given);
        if (monitor.MaxStrikeRatio < monitor.MinStrikeRatio)
            yield return Clash("monitor.max_strike_ratio", monitor.MaxStrikeRatio, "monitor.min_strike_ratio", monitor.MinStrikeRatio, given);

        foreach (var problem in RetentionProblems(settings.Lake)) yield return problem;

        var notifications = settings.Notifications;
        if (notifications.QuietFrom is null != notifications.QuietTo is null)
        {
            var (set, missing) = notifications.QuietFrom is { } from ? ("quiet_from", "quiet_to") : ("quiet_to", "quiet_from");
            var time = SettingValues.Format((notifications.QuietFrom ?? notifications.QuietTo)!.Value);
            yield return new Problem($"notifications.{set}", $"{time} has no notifications.{missing}: quiet hours need both ends", ["notifications.quiet_from", "notifications.quiet_to"]);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < notifications.Targets.Count; i++)
        {
            var target = notifications.Targets[i];
            var path = $"notifications.targets[{i}]";
            if (target.Url is null && target.SecretVariable is null)
                yield return new Problem(path, $"{target.Kind} target '{target.Name}' has neither url nor secret_variable: expected one (secret_variable names the environment variable holding the webhook URL or token)", [path]);
            if (target.Kind is "telegram" or "pushover" && string.IsNullOrEmpty(target.Recipient))
                yield return new Problem(path, $"{target.Kind} target '{target.Name}' has no recipient: expected the {(target.Kind == "telegram" ? "chat id" : "user key")}", [path]);
            if (!names.Add(target.Name))
                yield return new Problem(path + ".name", $"{target.Name} is the name of an earlier target: expected a unique name (logs tell targets apart by it)", [path]);
        }
    }

    /// <summary>Each retention rule names its dataset once and says how long to keep it.</summary>
    private static IEnumerable<Problem> RetentionProblems(LakeSettings lake)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lake.Retention.Count; i++)
        {
            var rule = lake.Retention[i];
            var path = $"lake.retention[{i}]";
            if (rule.Keep == TimeSpan.Zero)
                yield return new Problem(path, $"{rule.Dataset} has no keep: expected how long to keep it, e.g. keep: 90d", [path]);
            if (!seen.Add(rule.Dataset))
                yield return new Problem(path + ".dataset", $"{rule.Dataset} has a rule already: expected one rule per dataset", [path]);
        }
    }

    private static Problem Clash<T>(string maxPath, T max, string minPath, T min, Func<string, bool> given) where T : IFormattable =>
        given(maxPath) || !given(minPath)
            ? new Problem(maxPath, $"{Text(max)} is less than {minPath} ({Text(min)})", [maxPath, minPath])
            : new Problem(minPath, $"{Text(min)} is more than {maxPath} ({Text(max)})", [maxPath, minPath]);

    private static string Text(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);

    private static readonly Dictionary<string, Func<object, string?>> Checks = new(StringComparer.Ordinal)
    {
        ["api.plan"] = OneOf("free", "unlimited"),
        ["api.timeout"] = Positive,
        ["api.retries"] = Between(0, 50),
        ["lake.path"] = NotBlank,
        ["lake.retention[].dataset"] = RetentionDataset,
        ["lake.retention[].keep"] = value => (TimeSpan)value is { Ticks: > 0 } keep && keep.Ticks % TimeSpan.TicksPerDay == 0
            ? null : "is not a whole number of days: expected e.g. 90d",
        ["postgres.schema"] = NotBlank,
        ["ingest.stream.flush_seconds"] = Between(1, 3600),
        ["ingest.stream.flush_events"] = Between(1, 10_000_000),
        ["ingest.stream.max_subscriptions_per_connection"] = Between(1, 100_000),
        ["ingest.stream.max_connections_per_cluster"] = Between(1, 100),
        ["ingest.stream.news_interval"] = Positive,
        ["ingest.stream.heartbeat_interval"] = Positive,
        ["ingest.stream.silence_warning"] = Positive,
        ["monitor.roots"] = value => ((IReadOnlyList<string>)value).Count == 0 ? "is empty: expected at least one option root, e.g. [SPX, SPXW]" : null,
        ["monitor.roots[]"] = value => OptionRoot().IsMatch((string)value) ? null : "is not an option root: expected 1–6 upper-case letters, e.g. SPXW",
        ["monitor.right"] = OneOf("put", "call"),
        ["monitor.min_days_to_expiry"] = Between(0, 3660),
        ["monitor.max_days_to_expiry"] = Between(0, 3660),
        ["monitor.min_strike_ratio"] = Ratio,
        ["monitor.max_strike_ratio"] = Ratio,
        ["monitor.batch_size"] = Between(1, 250),
        ["monitor.poll_interval"] = Positive,
        ["monitor.poll_attempts"] = Between(1, 100),
        ["monitor.intraday_retention_sessions"] = Between(1, 10_000),
        ["monitor.daily_retention_days"] = Between(1, 100_000),
        ["detector.volume_floor"] = NotNegative,
        ["detector.premium_floor"] = NotNegative,
        ["detector.delta_floor"] = NotNegative,
        ["detector.multiplier"] = value => (double)value > 0 ? null : "is not greater than 0: expected a multiple such as 5",
        ["detector.dormancy_floor"] = NotNegative,
        ["detector.align_window"] = Positive,
        ["ingest.tickers"] = value => ((IReadOnlyList<string>)value).Count == 0 ? "is empty: expected at least one ticker, e.g. [SPY]" : null,
        ["ingest.tickers[]"] = value => StockTicker().IsMatch((string)value) ? null : "is not a stock ticker: expected 1–6 upper-case letters, e.g. SPY",
        ["ingest.expiry"] = OneOf("0dte", "1dte"),
        ["ingest.strike_band_percent"] = value => (double)value is > 0 and <= 50 ? null : "is not in (0, 50]: expected a percent of the open, e.g. 1",
        ["ingest.discovery_window_days"] = Between(1, 60),
        ["ingest.parallelism"] = Between(1, 64),
        ["ingest.plan"] = value => PlanText().IsMatch((string)value) ? null : "is not free, unlimited or N/SECONDS (e.g. 100/60)",
        ["ingest.progress_interval"] = Positive,
        ["dashboard.address"] = NotBlank,
        ["dashboard.port"] = Between(1, 65535),
        ["dashboard.refresh"] = Positive,
        ["scanner.underlying"] = value => StockTicker().IsMatch((string)value) ? null : "is not a stock ticker: expected 1–6 upper-case letters, e.g. SPY",
        ["scanner.momentum_threshold"] = value => (double)value is > 0 and <= 10 ? null : "is not in (0, 10]: expected a fraction, e.g. 0.2 for 20 %",
        ["pricing.rate"] = AnnualRate,
        ["pricing.spx_yield"] = AnnualRate,
        ["pricing.spy_yield"] = AnnualRate,
        ["notifications.retries"] = Between(0, 50),
        ["notifications.targets[].kind"] = OneOf("webhook", "slack", "discord", "telegram", "pushover"),
        ["notifications.targets[].name"] = NotBlank,
        ["notifications.targets[].secret_variable"] = value => EnvironmentSubstitution.IsVariableName((string)value)
            ? null : "is not an environment variable name: expected letters, digits and _, e.g. SLACK_WEBHOOK_URL",
        ["ingest.quality.metrics_window"] = Positive,
        ["ingest.quality.commit_latency_warning"] = Positive,
        ["ingest.quality.error_rate_warning"] = value => (double)value is >= 0 and <= 1 ? null : "is not in [0, 1]: expected a share of requests, e.g. 0.01 for 1 %",
        ["logging.level"] = OneOf("debug", "info", "warning", "error"),
        ["logging.folder"] = NotBlank,
    };

    /// <summary>A registered dataset whose retention is not already the monitor's (one rule per dataset, in one place).</summary>
    private static string? RetentionDataset(object value) => (string)value switch
    {
        "monitor_polls" => "is kept by monitor.intraday_retention_sessions: set that instead",
        "monitor_daily" => "is kept by monitor.daily_retention_days: set that instead",
        var name when Lake.DatasetRegistry.Default.Contains(name) => null,
        _ => $"is not a lake dataset: expected one of {string.Join(", ", Lake.DatasetRegistry.Default.Datasets.Select(d => d.Name))}",
    };

    private static Func<object, string?> OneOf(params string[] choices) => value =>
        choices.Contains((string)value, StringComparer.Ordinal) ? null : $"is not one of: {string.Join(", ", choices)}";

    private static Func<object, string?> Between(long min, long max) => value =>
    {
        var number = Convert.ToInt64(value, CultureInfo.InvariantCulture);
        return number >= min && number <= max ? null : $"is not between {min} and {max}";
    };

    private static string? NotNegative(object value) =>
        Convert.ToDouble(value, CultureInfo.InvariantCulture) >= 0 ? null : "is negative: expected 0 or more";

    private static string? Ratio(object value) =>
        (double)value is > 0 and <= 2 ? null : "is not in (0, 2]: expected a fraction of spot, e.g. 0.95";

    private static string? Positive(object value) =>
        (TimeSpan)value > TimeSpan.Zero ? null : "is not longer than zero: expected a duration such as 15m";

    private static string? AnnualRate(object value) =>
        (double)value is >= -0.2 and <= 1 ? null : "is not in [-0.2, 1]: expected an annual rate as a fraction, e.g. 0.043 for 4.3 %";

    private static string? NotBlank(object value) => string.IsNullOrWhiteSpace((string)value) ? "is blank: expected a value" : null;

    [GeneratedRegex("^[A-Z]{1,6}$", RegexOptions.CultureInvariant)]
    private static partial Regex OptionRoot();

    [GeneratedRegex("^[A-Z]{1,6}$", RegexOptions.CultureInvariant)]
    private static partial Regex StockTicker();

    [GeneratedRegex("^(free|unlimited|[1-9][0-9]*/[1-9][0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex PlanText();
}
