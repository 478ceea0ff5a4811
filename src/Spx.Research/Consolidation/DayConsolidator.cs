using Spx.Research.Lake;

namespace Spx.Research.Consolidation;

/// <summary>
/// One worker of a consolidation run: its own <see cref="LakeWriter"/> (whose DuckDB connection reads the bars, on one
/// thread: the run's parallelism is across dates) and the run's <see cref="RangeContext"/>. Per date: read the bars,
/// take the date's context, build the rows in C# (<see cref="OptionMinuteBatch"/>), keep other underlyings'
/// stored rows, and replace the partition.
/// </summary>
internal sealed class DayConsolidator : IDisposable
{
    private readonly LakeWriter _writer;
    private readonly ConsolidationOptions _options;
    private readonly RangeContext _context;
    private readonly DayArrays _arrays = new();

    public DayConsolidator(LakeLayout lake, DatasetRegistry registry, RangeContext context, ConsolidationOptions options)
    {
        _options = options;
        _context = context;
        _writer = new LakeWriter(lake, registry);
        _writer.Connection.ExecuteNonQuery("SET threads = 1");
    }

    /// <summary>Consolidates one date.</summary>
    public ConsolidatedDay Consolidate(ConsolidationInputs inputs)
    {
        var connection = _writer.Connection;
        _arrays.Reset();
        var bars = DayBarsReader.Read(connection, inputs, _options.Underlying, _arrays);
        var context = _context.For(inputs.Date);
        var rows = OptionMinuteBatch.Build(bars, context, _options.Rate, _options.Yield, _arrays);
        if (inputs.Stored.Count > 0 && !StoredUnderlyings.OnlyOf(inputs.Stored, _options.Underlying)
            && connection.ExecuteScalar<long>(ConsolidationQueries.KeptCount(inputs.Stored, _options.Underlying)) > 0)
            rows = rows.Concat(Kept(inputs));
        var write = _writer.ReplacePartition(ConsolidationDatasets.OptionMinutes.Name, inputs.Date, rows);
        return new ConsolidatedDay(inputs.Date, bars.Count, write);
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>Other underlyings' stored rows; stored before a column of today's schema existed, they must be consolidated again first.</summary>
    private ColumnBatch Kept(ConsolidationInputs inputs)
    {
        try
        {
            var kept = _writer.Connection.ExecuteColumnar(ConsolidationQueries.Kept(inputs.Stored, _options.Underlying));
            return ColumnBatch.From(kept, ConsolidationDatasets.OptionMinutes);
        }
        catch (DuckDB.NET.Data.DuckDBException mismatch) when (mismatch.Message.Contains("not found", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException(
                $"option_minutes partition {LakeLayout.PartitionName(inputs.Date)} holds other underlyings' rows in an earlier schema ({mismatch.Message.Split('\n')[0]}); " +
                "consolidate those underlyings again first", mismatch);
        }
    }
}
