using Apache.Arrow;
using Apache.Arrow.Types;

namespace Spx.Research.Scanning;

/// <summary>
/// One Arrow record batch of <see cref="Query"/>'s columns, as the typed arrays <see cref="MomentumKernel"/> walks:
/// no value is copied or boxed. The ticker comes as DuckDB's 64-bit <c>hash(ticker)</c>: handing over the text costs
/// DuckDB more than the whole rest of the read (docs/scanner.md), and the hash is checked against the text later.
/// </summary>
internal sealed class MomentumBarBatch
{
    /// <summary>The columns the kernel reads, in this order (the filter is <see cref="MomentumQueries.Filter"/>'s).</summary>
    public static string Query(MomentumScanOptions options) =>
        $"SELECT date, hash(ticker) AS ticker_hash, ts, open, close FROM option_bars_1m WHERE {MomentumQueries.Filter(options)}";

    private MomentumBarBatch(RecordBatch batch)
    {
        Length = batch.Length;
        Dates = Column<Date32Array>(batch, 0);
        Tickers = Column<UInt64Array>(batch, 1);
        Times = Column<TimestampArray>(batch, 2);
        if (((TimestampType)Times.Data.DataType).Unit != TimeUnit.Microsecond)
            throw new InvalidOperationException($"momentum scan: column 'ts' arrived as {Times.Data.DataType.Name} in {((TimestampType)Times.Data.DataType).Unit}, expected microseconds");
        Opens = Column<DoubleArray>(batch, 3);
        Closes = Column<DoubleArray>(batch, 4);
        HasNulls = batch.Arrays.Any(column => column.NullCount > 0);
    }

    public int Length { get; }

    public Date32Array Dates { get; }

    /// <summary>DuckDB's <c>hash(ticker)</c>.</summary>
    public UInt64Array Tickers { get; }

    public TimestampArray Times { get; }

    public DoubleArray Opens { get; }

    public DoubleArray Closes { get; }

    /// <summary>Whether any value of the batch is NULL (the lake's schema forbids it; the kernel then leaves those dates to SQL).</summary>
    public bool HasNulls { get; }

    /// <summary>Whether any of the kernel's values on row <paramref name="row"/> is NULL.</summary>
    public bool IsNull(int row) =>
        Dates.IsNull(row) || Tickers.IsNull(row) || Times.IsNull(row) || Opens.IsNull(row) || Closes.IsNull(row);

    /// <summary>The batch's columns, checked against <see cref="Query"/>'s types.</summary>
    public static MomentumBarBatch From(RecordBatch batch) => new(batch);

    private static T Column<T>(RecordBatch batch, int ordinal) where T : IArrowArray
    {
        var column = batch.Column(ordinal);
        return column is T typed ? typed : throw new InvalidOperationException(
            $"momentum scan: column '{batch.Schema.GetFieldByIndex(ordinal).Name}' arrived as {column.GetType().Name}, expected {typeof(T).Name}");
    }
}
