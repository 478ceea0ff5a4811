using Spx.Research.Lake;

namespace Spx.Research.Ingest.Import;

/// <summary>
/// SQL that reads a contract's terms out of its Polygon option ticker (<c>O:SPXW241220P05800000</c>: root, yymmdd
/// expiry, C/P, strike × 1000), as <see cref="Market.OptionTicker"/> does in C#, so a user's file of option bars needs
/// only the ticker. A ticker of another shape gives NULLs, which validation quarantines with the column named.
/// </summary>
internal static class OptionTerms
{
    private const string Pattern = "^O:([A-Z0-9]+?)([0-9]{6})([CP])([0-9]{8})$";

    /// <summary>Expressions for <c>underlying</c>, <c>expiry</c>, <c>option_right</c> and <c>strike</c> from the ticker SQL.</summary>
    public static Dictionary<string, string> From(string ticker)
    {
        string Part(int group) => $"NULLIF(regexp_extract(CAST({ticker} AS VARCHAR), {SqlText.Literal(Pattern)}, {group}), '')";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // SPXW (weeklies and dailies) is on SPX, as OptionTicker.UnderlyingOf says; any other root is its own product.
            ["underlying"] = $"CASE WHEN {Part(1)} = 'SPXW' THEN 'SPX' ELSE {Part(1)} END",
            ["expiry"] = $"CAST(try_strptime({Part(2)}, '%y%m%d') AS DATE)",
            ["option_right"] = Part(3),
            ["strike"] = $"TRY_CAST({Part(4)} AS BIGINT) / 1000.0",
        };
    }
}
