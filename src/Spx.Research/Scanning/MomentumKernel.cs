namespace Spx.Research.Scanning;

/// <summary>
/// The momentum scan as one pass over bars in stored order (docs/scanner.md): the lake writes each partition sorted
/// by (ticker, ts), so each contract-day's bars arrive together and in time order, and a run of above bars is a
/// few fields of state, with no sort. The order is checked as the bars go by, never assumed: a date whose bars
/// break it (a ticker seen again after another, a time that does not rise, a date seen again, a NULL or non-finite
/// price) is dropped whole and reported in <see cref="MomentumKernelResult.OutOfOrderDates"/>, for the SQL path to
/// scan. Tickers are DuckDB's 64-bit hashes; <see cref="MomentumKernelCheck"/> checks them against the text.
/// </summary>
internal sealed class MomentumKernel(double threshold)
{
    private readonly List<MomentumKernelDay> _days = [];
    private readonly List<MomentumKernelRun> _runs = [];
    private readonly HashSet<int> _seenDates = [];
    private readonly HashSet<int> _outOfOrder = [];
    private readonly HashSet<ulong> _tickersOfDate = [];
    private ulong _ticker;
    private int _date = int.MinValue;
    private bool _skip;

    // The contract-day being read (none while _bars == 0).
    private long _bars, _firstTs, _lastTs;
    private double _reference, _limit, _peak;
    private int _dayRuns;

    // The run of above bars being read (none while _runLength == 0); its peak bar is the first to reach its highest close.
    private long _runLength, _runStart, _runLast, _runPeakTs;
    private double _runTrigger, _runPeak;

    /// <summary>Reads one batch; batches must come in the query's order.</summary>
    public void Add(MomentumBarBatch batch)
    {
        var dates = batch.Dates.Values;
        var times = batch.Times.Values;
        var opens = batch.Opens.Values;
        var closes = batch.Closes.Values;
        var tickers = batch.Tickers.Values;
        for (var row = 0; row < batch.Length; row++)
        {
            var date = dates[row];
            var ticker = tickers[row];
            if (date != _date || ticker != _ticker) Switch(date, ticker);
            if (_skip) continue;
            if ((batch.HasNulls && batch.IsNull(row)) || !double.IsFinite(opens[row]) || !double.IsFinite(closes[row]))
            {
                OutOfOrder(date);
                continue;
            }
            var ts = times[row];
            if (_bars == 0) Begin(ts, opens[row]);
            else if (ts <= _lastTs)
            {
                OutOfOrder(date);
                continue;
            }
            Step(ts, closes[row]);
        }
    }

    /// <summary>Ends the last contract-day and hands over what was found, without the out-of-order dates.</summary>
    public MomentumKernelResult Finish()
    {
        EndDay();
        return new MomentumKernelResult(
            _days.Where(d => !_outOfOrder.Contains(d.Date)).ToList(),
            _runs.Where(r => !_outOfOrder.Contains(r.Date)).ToList(),
            _outOfOrder.Order().Select(MomentumKernelResult.Day).ToList());
    }

    /// <summary>A new (date, ticker): ends the day read so far and checks that neither was left before.</summary>
    private void Switch(int date, ulong ticker)
    {
        EndDay();
        if (date != _date)
        {
            if (!_seenDates.Add(date)) _outOfOrder.Add(date);
            _tickersOfDate.Clear();
        }
        if (!_tickersOfDate.Add(ticker)) _outOfOrder.Add(date);
        _date = date;
        _ticker = ticker;
        _skip = _outOfOrder.Contains(date);
    }

    /// <summary>The contract-day's first bar: its open is the reference.</summary>
    private void Begin(long ts, double open)
    {
        _reference = open;
        // The SQL path's comparison, operation for operation, so both round alike (MomentumQueries.TieTolerance).
        _limit = _reference * (1 + threshold) * (1 - MomentumQueries.TieTolerance);
        _peak = double.NegativeInfinity;
        _firstTs = ts;
        _dayRuns = _runs.Count;
    }

    private void Step(long ts, double close)
    {
        _bars++;
        _lastTs = ts;
        if (close > _peak) _peak = close;
        if (close >= _limit)
        {
            if (_runLength == 0)
            {
                _runStart = ts;
                _runTrigger = close;
                _runPeak = close;
                _runPeakTs = ts;
            }
            else if (close > _runPeak)
            {
                _runPeak = close;
                _runPeakTs = ts;
            }
            _runLength++;
            _runLast = ts;
        }
        else if (_runLength > 0) EndRun();
    }

    private void EndRun()
    {
        _runs.Add(new MomentumKernelRun(_ticker, _date, _runStart, _runLast, _runLength, _reference, _runTrigger, _runPeak, _runPeakTs));
        _runLength = 0;
    }

    private void EndDay()
    {
        if (_bars == 0) return;
        if (_runLength > 0) EndRun();
        _days.Add(new MomentumKernelDay(_ticker, _date, _bars, _reference, _peak, _firstTs, _lastTs));
        _bars = 0;
    }

    /// <summary>Gives <paramref name="date"/> up: the day being read and its runs are dropped, the date's other rows skipped.</summary>
    private void OutOfOrder(int date)
    {
        _outOfOrder.Add(date);
        _skip = true;
        if (_bars > 0) _runs.RemoveRange(_dayRuns, _runs.Count - _dayRuns);
        _bars = 0;
        _runLength = 0;
    }
}
