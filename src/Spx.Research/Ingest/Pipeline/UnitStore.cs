using System.Collections.Concurrent;
using Spx.Research.Ingest.Downloads;
using Spx.Research.Ingest.Quality;
using Spx.Research.Lake;
using Spx.Research.Market;

namespace Spx.Research.Ingest.Pipeline;

/// <summary>
/// Stores a unit's rows in its partition with one atomic write. Normally an append: rows whose key is already
/// stored are skipped, so a unit redone after a kill changes nothing. With overwrite, the partition is
/// replaced by its other tickers' rows plus the new ones (history correction), one version swap. Returns the
/// lake-relative files holding the partition afterwards, for the checkpoint. Bars are checked with the bar rules
/// (<see cref="BarChecks"/>, docs/data-quality.md); a row that fails goes to the quarantine with its reason and is
/// counted in <see cref="Quarantined"/>.
/// </summary>
public sealed class UnitStore(LakeLayout lake)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _partitions = new(StringComparer.Ordinal);
    private readonly BarChecks _checks = new(NyseCalendar.Default);
    private long _quarantined;

    /// <summary>Rows this store sent to the quarantine so far.</summary>
    public long Quarantined => Interlocked.Read(ref _quarantined);

    /// <summary>The quarantine file of one unit's rejects in its partition's quarantine folder: <c>unit-SPY</c>, <c>unit-I_VIX</c>.</summary>
    public static string QuarantineName(string ticker) => "unit-" + ticker.Replace(':', '_');

    /// <summary>Writes <paramref name="rows"/> for <paramref name="ticker"/> into the partition of <paramref name="day"/>.</summary>
    public async Task<IReadOnlyList<string>> Write(UnitRows rows, string ticker, DateOnly day, bool overwrite, CancellationToken ct)
    {
        // Overwrites read the partition before replacing it: two tickers of one partition must take turns.
        // Nothing to store and nothing to correct: no partition, as an uninterrupted append run leaves it.
        if (rows.Count == 0 && lake.PartitionFiles(rows.Dataset, day).Count == 0 && !RecordsQuietSession(rows.Dataset, day))
        {
            new LakeQuarantine(lake).Remove(rows.Dataset, day, QuarantineName(ticker));
            return [];
        }
        var gate = _partitions.GetOrAdd(rows.Dataset + "/" + day.ToString("O"), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            // Checked again under the gate: another ticker may have stored rows meanwhile, which an empty replace would drop.
            var quietSession = rows.Count == 0 && lake.PartitionFiles(rows.Dataset, day).Count == 0;
            // Rejects are kept per unit, replaced when the unit is redone (after a kill, or an overwrite).
            using var writer = new LakeWriter(lake, DatasetRegistry.Default, _checks.Apply(new LakeWriterOptions { QuarantineName = QuarantineName(ticker) }));
            var result = overwrite
                ? writer.ReplacePartition(rows.Dataset, day, ReplaceSlice(writer, rows, ticker, day), InvalidRows.Quarantine)
                : quietSession
                    ? writer.ReplacePartition(rows.Dataset, day, LakeSource.FromAppender(rows.Fill), InvalidRows.Quarantine)
                    : writer.AppendToPartition(rows.Dataset, day, LakeSource.FromAppender(rows.Fill), InvalidRows.Quarantine);
            Interlocked.Add(ref _quarantined, result.QuarantinedRows);
            return result.Files.Select(f => Path.GetRelativePath(lake.Root, f).Replace('\\', '/')).ToList();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// A session day without one news article still gets its (empty) news partition: it says "asked, nothing
    /// published", where no partition would mean "never fetched", and the lake's session check expects every
    /// dataset of a session. Weekends and holidays keep no partition unless articles came.
    /// </summary>
    private static bool RecordsQuietSession(string dataset, DateOnly day) =>
        dataset == FoundationDatasets.News.Name && NyseCalendar.Default.IsSession(day);

    /// <summary>The partition's rows of other tickers (and keys not downloaded again), plus the new rows.</summary>
    private LakeSource ReplaceSlice(LakeWriter writer, UnitRows rows, string ticker, DateOnly day)
    {
        var schema = writer.Registry[rows.Dataset];
        var fresh = "_ingest_fresh";
        var columns = string.Join(", ", schema.Columns.Select(c => $"{SqlText.Identifier(c.Name)} {c.Type}"));
        writer.Connection.ExecuteNonQuery($"CREATE OR REPLACE TABLE {fresh} ({columns})");
        using (var appender = writer.Connection.CreateAppender(fresh))
        {
            var checkedAppender = new LakeAppender(appender, schema);
            rows.Fill(checkedAppender);
            checkedAppender.Finish();
        }
        var existing = lake.PartitionFiles(rows.Dataset, day);
        if (existing.Count == 0) return LakeSource.FromSql($"SELECT * FROM {fresh}");
        var sameKey = string.Join(" AND ", schema.Key.Select(k => $"f.{SqlText.Identifier(k)} = kept.{SqlText.Identifier(k)}"));
        var names = SqlText.Identifiers(schema.Columns.Select(c => c.Name).ToList());
        return LakeSource.FromSql(
            $"SELECT {names} FROM read_parquet({SqlText.FileList(existing)}, union_by_name = true, hive_partitioning = false) AS kept " +
            $"WHERE NOT ({SlicePredicate(rows.Dataset, ticker)}) AND NOT EXISTS (SELECT 1 FROM {fresh} AS f WHERE {sameKey}) " +
            $"UNION ALL SELECT {names} FROM {fresh}");
    }

    /// <summary>Which rows of a partition belong to <paramref name="ticker"/>'s unit.</summary>
    private static string SlicePredicate(string dataset, string ticker)
    {
        var literal = SqlText.Literal(ticker);
        return dataset switch
        {
            "news" => $"list_contains(tickers, {literal})",
            "option_bars_1m" or "option_contracts" or "option_selection" => $"underlying = {literal}",
            _ => $"ticker = {literal}",
        };
    }
}
