using Spx.Research.Lake;

namespace Spx.Research.LakeStress;

/// <summary>
/// The dataset and the partition contents both processes agree on. Every published state of a
/// partition is "complete": <see cref="ReplacedDays"/> always hold ids 0..<see cref="RowCount"/>-1 of one
/// tag; <see cref="CycledDay"/> holds ids 0..k·<see cref="Batch"/>-1 (k = 1, 2 or 3) of one tag.
/// A reader that sees anything else saw a partial or mixed partition.
/// </summary>
internal static class StressDataset
{
    public const string Name = "stress";
    public const int RowCount = 2000;
    public const int Batch = 500;

    public static readonly DateOnly[] ReplacedDays = [new(2024, 1, 2), new(2024, 1, 3)];
    public static readonly DateOnly CycledDay = new(2024, 1, 4);

    public static DatasetSchema Schema { get; } = new(
        Name,
        "Concurrency test data.",
        [DatasetColumn.Required("id", "BIGINT"), DatasetColumn.Required("tag", "VARCHAR"), DatasetColumn.Required("payload", "DOUBLE")],
        key: ["id"]);

    /// <summary>Rows with ids <paramref name="from"/> .. from+count-1, all tagged <paramref name="tag"/>.</summary>
    public static LakeSource Rows(long from, long count, string tag) => LakeSource.FromSql(
        $"SELECT i AS id, '{tag}' AS tag, i * 0.5 AS payload FROM range({from}, {from + count}) AS r(i)");
}
