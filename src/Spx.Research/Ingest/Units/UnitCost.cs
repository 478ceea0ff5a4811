namespace Spx.Research.Ingest.Units;

/// <summary>
/// How heavy a unit is expected to be, in "minute-bar units" (one request, a few hundred rows), so the ETA
/// weighs what is left instead of counting units (docs/ingest.md, "Progress"). From the two-week run in
/// docs/benchmarks.md: an options unit sends one request per chosen contract (about 12 for SPY at ±1 %) and
/// writes about 4,500 rows; a seconds unit is one request but 23,400 rows to decode and write.
/// </summary>
public static class UnitCost
{
    /// <summary>The weight of one unit of <paramref name="source"/>.</summary>
    public static int Of(IngestSource source) => source switch
    {
        IngestSource.Options => 12,
        IngestSource.Seconds => 4,
        _ => 1,
    };
}
