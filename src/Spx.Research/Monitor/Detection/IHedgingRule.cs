namespace Spx.Research.Monitor.Detection;

/// <summary>
/// One of the prototype's unusual-hedging rules, on one contract of one poll. A rule is a pure function of
/// the contract (with its comparison volume) and its thresholds, so each can be tested at its edges alone.
/// </summary>
public interface IHedgingRule
{
    /// <summary>The name stored in <c>alerts.rule</c>; with the session and ticker, the alert's identity.</summary>
    string Name { get; }

    /// <summary>Why the rule fires on <paramref name="contract"/> (a fragment of the alert's message), or null when it does not.</summary>
    string? Check(PolledContract contract);
}
