using System.Globalization;

namespace Spx.Research.Simulator.Faults;

/// <summary>
/// One fault switched on for one endpoint: fire with probability <see cref="Probability"/>, at most
/// <see cref="Count"/> times (null = unlimited), with fault-specific parameters (status, delay, retry_after, after).
/// </summary>
/// <param name="Endpoint">Endpoint name (<c>aggs</c>, <c>contracts</c>, <c>chain_snapshot</c>, <c>snapshot</c>, <c>marketstatus</c>, <c>news</c>, <c>ws_stocks</c>, <c>ws_options</c>, <c>ws_indices</c>) or <c>*</c>.</param>
public sealed record FaultRule(string Endpoint, string Fault, double Probability = 1, int? Count = null, IReadOnlyDictionary<string, string>? Parameters = null)
{
    /// <summary>True when the rule applies to <paramref name="endpoint"/>.</summary>
    public bool Matches(string endpoint) => Endpoint == "*" || Endpoint.Equals(endpoint, StringComparison.OrdinalIgnoreCase);

    /// <summary>An integer parameter, or <paramref name="fallback"/>.</summary>
    public int Int(string name, int fallback) =>
        Parameters is not null && Parameters.TryGetValue(name, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value : fallback;

    /// <summary>
    /// Parses a header value <c>name[;p=0.5][;n=3][;key=value…]</c>.
    /// </summary>
    /// <exception cref="FormatException">Unknown fault name or a bad probability or count.</exception>
    public static FaultRule ParseHeader(string endpoint, string header)
    {
        var parts = header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !FaultNames.All.Contains(parts[0]))
            throw new FormatException($"X-Sim-Fault '{header}': unknown fault; known: {string.Join(", ", FaultNames.All)}.");
        double p = 1;
        int? n = null;
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in parts.Skip(1))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0) throw new FormatException($"X-Sim-Fault '{header}': '{part}' is not key=value.");
            var (key, value) = (part[..eq].Trim(), part[(eq + 1)..].Trim());
            if (key == "p") p = double.Parse(value, CultureInfo.InvariantCulture);
            else if (key == "n") n = int.Parse(value, CultureInfo.InvariantCulture);
            else parameters[key] = value;
        }
        return new FaultRule(endpoint, parts[0], p, n, parameters);
    }
}
