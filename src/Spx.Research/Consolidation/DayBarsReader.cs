using System.Runtime.CompilerServices;
using System.Text;
using Apache.Arrow;
using DuckDB.NET.Data;
using Spx.Research.Lake;
using Spx.Research.Market;

namespace Spx.Research.Consolidation;

/// <summary>
/// Reads one date's option bars through DuckDB's Arrow stream into <see cref="DayBars"/>. Lake files are written in
/// key order, so the bars are read as stored and the order is checked on the way (a ticker's text is compared as
/// bytes, and becomes a .NET string only once, when its block starts); only a file out of order costs a sort
/// (<see cref="ConsolidationQueries.Bars"/> with ORDER BY). Each block's terms must be the same on every row.
/// </summary>
internal static class DayBarsReader
{
    /// <summary>Reads the date's bars of <paramref name="underlying"/>; an unparsable ticker or one stored with two sets of terms is an error naming it.</summary>
    public static DayBars Read(DuckDBConnection connection, ConsolidationInputs inputs, string underlying, DayArrays arrays)
    {
        if (inputs.OptionBars.Count == 1 && OptionBarsFile.Read(inputs.OptionBars[0], arrays) is { } file && FromFile(file, inputs.Date, underlying, arrays) is { } bars)
            return bars;
        try
        {
            return TryRead(connection, ConsolidationQueries.Bars(inputs, underlying, sorted: false), inputs.Date, underlying, arrays)
                ?? TryRead(connection, ConsolidationQueries.Bars(inputs, underlying, sorted: true), inputs.Date, underlying, arrays)
                ?? throw new InvalidOperationException($"option_bars_1m partition {LakeLayout.PartitionName(inputs.Date)}: sorted bars read out of order");
        }
        catch (DuckDBException error)
        {
            throw Problem(inputs.Date, MissingColumn.In(connection, FoundationDatasets.OptionBars1m, inputs.OptionBars) ?? error.Message.Split('\n')[0]);
        }
    }

    /// <summary>
    /// The bars of <paramref name="underlying"/> in a file read by <see cref="OptionBarsFile"/> (a partition of one
    /// file in the lake's layout), or null when they are not in <c>(ticker, ts)</c> order. The checks are the ones of
    /// the DuckDB path, on text ids: a new id starts a block, whose ticker must sort after the previous block's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static DayBars? FromFile(OptionBarsFile file, DateOnly date, string underlying, DayArrays arrays)
    {
        var wanted = Encoding.UTF8.GetBytes(underlying);
        var keep = file.Underlying.Values.Select(v => v.AsSpan().SequenceEqual(wanted)).ToArray();
        var underlyingIds = file.Underlying.Ids;
        var count = 0;
        for (var i = 0; i < file.Rows; i++) if (keep[underlyingIds[i]]) count++;

        var tickers = new List<TickerTerms>();
        var bars = new DayBars(count, tickers, arrays);
        var (tickerIds, rightIds) = (file.Ticker.Ids, file.OptionRight.Ids);
        var (currentId, rightId) = (-1, -1);
        TickerTerms? block = null;
        var row = 0;
        for (var i = 0; i < file.Rows; i++)
        {
            if (!keep[underlyingIds[i]]) continue;
            var id = tickerIds[i];
            if (id != currentId)
            {
                if (block is not null && file.Ticker.Values[id].AsSpan().SequenceCompareTo(file.Ticker.Values[currentId]) <= 0) return null;
                if (block is not null) tickers[^1] = block with { Bars = row - block.First };
                (currentId, rightId) = (id, rightIds[i]);
                block = Terms(Encoding.UTF8.GetString(file.Ticker.Values[id]), underlying, DateOnly.FromDayNumber(UnixEpochDay + file.Expiry[i]),
                    Encoding.UTF8.GetString(file.OptionRight.Values[rightId]), file.Strike[i], row, date);
                tickers.Add(block);
            }
            else if (file.Ts[i] <= bars.Ts[row - 1])
            {
                return null;
            }
            else if (file.Strike[i] != block!.Strike || file.Expiry[i] != block.Expiry.DayNumber - UnixEpochDay || rightIds[i] != rightId)
            {
                throw Problem(date, $"ticker '{block.Ticker}' is stored with different terms on different bars");
            }
            bars.Ts[row] = file.Ts[i];
            bars.Open[row] = file.Open[i];
            bars.High[row] = file.High[i];
            bars.Low[row] = file.Low[i];
            bars.Close[row] = file.Close[i];
            bars.Volume[row] = file.Volume[i];
            bars.Vwap[row] = file.Vwap[i];
            bars.VwapNull[row] = file.VwapNull[i];
            bars.Trades[row] = file.Trades[i];
            bars.TradesNull[row] = file.TradesNull[i];
            row++;
        }
        if (block is not null) tickers[^1] = block with { Bars = row - block.First };
        return bars;
    }

    /// <summary>The bars, or null when they are not in <c>(ticker, ts)</c> order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static DayBars? TryRead(DuckDBConnection connection, string sql, DateOnly date, string underlying, DayArrays arrays)
    {
        var batches = Fetch(connection, sql);
        try
        {
            CheckRequired(batches, date);
            var tickers = new List<TickerTerms>();
            var bars = new DayBars(batches.Sum(b => b.Length), tickers, arrays);
            byte[] current = [];
            byte[] right = [];
            TickerTerms? block = null;
            var row = 0;
            foreach (var batch in batches)
            {
                var columns = new BarColumns(batch);
                var ts = columns.Ts.Values;
                var strike = columns.Strike.Values;
                var expiry = columns.Expiry.Values;
                for (var i = 0; i < batch.Length; i++, row++)
                {
                    var ticker = columns.Ticker.GetBytes(i);
                    var order = block is null ? 1 : ticker.SequenceCompareTo(current);
                    // The batch's times reach bars.Ts after its loop: within the batch, compare with the batch's own previous bar.
                    if (order < 0 || (order == 0 && ts[i] <= (i > 0 ? ts[i - 1] : bars.Ts[row - 1]))) return null;
                    if (order > 0)
                    {
                        if (block is not null) tickers[^1] = block with { Bars = row - block.First };
                        current = ticker.ToArray();
                        right = columns.OptionRight.GetBytes(i).ToArray();
                        block = Terms(Encoding.UTF8.GetString(ticker), underlying, DateOnly.FromDayNumber(UnixEpochDay + columns.Expiry.GetValue(i)!.Value),
                            columns.OptionRight.GetString(i), columns.Strike.GetValue(i)!.Value, row, date);
                        tickers.Add(block);
                    }
                    else if (strike[i] != block!.Strike || expiry[i] != block.Expiry.DayNumber - UnixEpochDay || !columns.OptionRight.GetBytes(i).SequenceEqual(right))
                    {
                        throw Problem(date, $"ticker '{block.Ticker}' is stored with different terms on different bars");
                    }
                }
                var rows = new Range(row - batch.Length, row);
                ts.CopyTo(bars.Ts.AsSpan(rows));
                columns.Open.Values.CopyTo(bars.Open.AsSpan(rows));
                columns.High.Values.CopyTo(bars.High.AsSpan(rows));
                columns.Low.Values.CopyTo(bars.Low.AsSpan(rows));
                columns.Close.Values.CopyTo(bars.Close.AsSpan(rows));
                columns.Volume.Values.CopyTo(bars.Volume.AsSpan(rows));
                Nullable(columns.Vwap, bars.Vwap.AsSpan(rows), bars.VwapNull.AsSpan(rows));
                Nullable(columns.Trades, bars.Trades.AsSpan(rows), bars.TradesNull.AsSpan(rows));
            }
            if (block is not null) tickers[^1] = block with { Bars = row - block.First };
            return bars;
        }
        finally
        {
            foreach (var batch in batches) batch.Dispose();
        }
    }

    private static void Nullable<T>(PrimitiveArray<T> column, Span<T> values, Span<bool> isNull) where T : struct, IEquatable<T>
    {
        column.Values.CopyTo(values);
        if (column.NullCount == 0)
        {
            isNull.Clear();
            return;
        }
        for (var i = 0; i < isNull.Length; i++)
        {
            isNull[i] = column.IsNull(i);
            if (isNull[i]) values[i] = default;
        }
    }

    private static TickerTerms Terms(string ticker, string underlying, DateOnly expiry, string optionRight, double strike, int first, DateOnly date)
    {
        if (!OptionTicker.TryParse(ticker, out var contract))
            throw Problem(date, $"ticker '{ticker}' is not an OCC option ticker");
        return new TickerTerms(
            ticker, underlying, expiry, optionRight, strike, contract.Right, contract.Style.Exercise == OptionExercise.American,
            (contract.SettlementInstant() - DateTimeOffset.UnixEpoch).Ticks / 10, first, 0);
    }

    private static List<RecordBatch> Fetch(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var stream = command.ExecuteArrowStream();
        var batches = new List<RecordBatch>();
        // The stream is DuckDB's, in memory: ReadNextRecordBatchAsync completes synchronously.
        while (stream.ReadNextRecordBatchAsync().AsTask().GetAwaiter().GetResult() is { } batch) batches.Add(batch);
        return batches;
    }

    /// <summary>
    /// The lake's schema makes all but vwap and trades NOT NULL: a NULL there (a file from elsewhere) is an error naming
    /// the column and counting its NULLs over the whole day.
    /// </summary>
    private static void CheckRequired(List<RecordBatch> batches, DateOnly date)
    {
        if (batches.Count == 0) return;
        for (var ordinal = 0; ordinal < BarColumns.FirstNullable; ordinal++)
        {
            var nulls = batches.Sum(b => (long)b.Column(ordinal).NullCount);
            if (nulls == 0) continue;
            var name = batches[0].Schema.GetFieldByIndex(ordinal).Name;
            throw Problem(date, $"{nulls} bar(s) with a NULL {(name == "ts_us" ? "ts" : name)}");
        }
    }

    private static InvalidDataException Problem(DateOnly date, string text) =>
        new($"option_bars_1m partition {LakeLayout.PartitionName(date)}: {text}");

    private static readonly int UnixEpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>One Arrow batch's columns, in <see cref="ConsolidationQueries.Bars"/>'s order and types (NULLs are checked before: <see cref="CheckRequired"/>).</summary>
    private sealed class BarColumns(RecordBatch batch)
    {
        /// <summary>The ordinal of vwap: the columns before it are NOT NULL.</summary>
        public const int FirstNullable = 10;

        public StringArray Ticker { get; } = Column<StringArray>(batch, 0);
        public Date32Array Expiry { get; } = Column<Date32Array>(batch, 1);
        public StringArray OptionRight { get; } = Column<StringArray>(batch, 2);
        public DoubleArray Strike { get; } = Column<DoubleArray>(batch, 3);
        public Int64Array Ts { get; } = Column<Int64Array>(batch, 4);
        public DoubleArray Open { get; } = Column<DoubleArray>(batch, 5);
        public DoubleArray High { get; } = Column<DoubleArray>(batch, 6);
        public DoubleArray Low { get; } = Column<DoubleArray>(batch, 7);
        public DoubleArray Close { get; } = Column<DoubleArray>(batch, 8);
        public Int64Array Volume { get; } = Column<Int64Array>(batch, 9);
        public DoubleArray Vwap { get; } = Column<DoubleArray>(batch, 10);
        public Int64Array Trades { get; } = Column<Int64Array>(batch, 11);

        private static T Column<T>(RecordBatch batch, int ordinal) where T : class, IArrowArray =>
            batch.Column(ordinal) as T ?? throw new InvalidOperationException(
                $"consolidation: column '{batch.Schema.GetFieldByIndex(ordinal).Name}' arrived as {batch.Column(ordinal).GetType().Name}, expected {typeof(T).Name}");
    }
}
