namespace Spx.Research.Simulator;

/// <summary>
/// How fast simulated time runs against the wall clock: 1× for a live-like feed, 60× to watch a session
/// in minutes, or <see cref="Max"/> to replay as fast as the socket drains (tests, backfills).
/// </summary>
public readonly record struct ReplaySpeed(double Factor)
{
    /// <summary>Real time.</summary>
    public static ReplaySpeed RealTime { get; } = new(1);

    /// <summary>As fast as possible: no pacing at all.</summary>
    public static ReplaySpeed Max { get; } = new(double.PositiveInfinity);

    /// <summary>True when there is no pacing.</summary>
    public bool IsMax => double.IsPositiveInfinity(Factor);

    /// <summary>Parses <c>max</c>, <c>60</c>, <c>60x</c> or <c>1×</c>.</summary>
    public static ReplaySpeed Parse(string text)
    {
        if (text.Trim().Equals("max", StringComparison.OrdinalIgnoreCase)) return Max;
        var trimmed = text.Trim().TrimEnd('x', 'X', '×');
        if (double.TryParse(trimmed, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var factor) && factor > 0)
            return new ReplaySpeed(factor);
        throw new FormatException($"Replay speed '{text}' is not 'max' or a positive number such as 1 or 60.");
    }

    /// <inheritdoc />
    public override string ToString() => IsMax ? "max" : $"{Factor.ToString(System.Globalization.CultureInfo.InvariantCulture)}x";
}
