namespace Spx.Research.Configuration;

/// <summary>
/// A configuration that cannot be used. Carries every problem found, one line each
/// (<c>spx.yaml:7: monitor.max_days_to_expiry: 10 is less than monitor.min_days_to_expiry (20)</c>), so a user
/// fixes the whole file in one round instead of one error per run.
/// </summary>
public sealed class ConfigurationException(IReadOnlyList<string> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    /// <summary>One line per problem, in file order.</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}
