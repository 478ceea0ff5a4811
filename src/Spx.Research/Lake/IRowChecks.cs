namespace Spx.Research.Lake;

/// <summary>
/// Row rules a writer adds to the schema's own for one partition: value rules that types cannot express
/// (high ≥ low, volume ≥ 0, a bar inside that day's session). Compaction skips them: stored rows passed already.
/// </summary>
internal interface IRowChecks
{
    /// <summary>The rules for <paramref name="schema"/>'s partition <paramref name="date"/>.</summary>
    /// <param name="typed">SQL for each declared column's value, already cast to the declared type.</param>
    IEnumerable<RowRule> For(DatasetSchema schema, DateOnly date, IReadOnlyDictionary<string, string> typed);
}
