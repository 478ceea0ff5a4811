using System.Text;

namespace Spx.Research.Scanning;

/// <summary>
/// The momentum scan as one pass over bars in stored order (docs/scanner.md): the lake writes each partition sorted
/// by (ticker, ts), so each contract-day's bars arrive together and in time order, and a run of above bars is a
/// few fields of state, with no sort. The order is checked as the bars go by, never assumed: a date whose bars
/// break it (a ticker seen again after another, a time that does not rise, a date seen again) is dropped whole
/// and reported in <see cref="MomentumKernelResult.OutOfOrderDates"/>, for the SQL path to scan.
/// </summary>
internal sealed class MomentumKernel(double threshold)
{
    private readonly List<MomentumKernelDay> _days = [];
    private readonly List<MomentumKernelRun> _runs = [];
    private readonly HashSet<int> _seenDates = [];
    private readonly HashSet<int> _outOfOrder = [];
    private byte[] _ticker = new byte[32];
    private int _tickerLength;
    private int _date = int.MinValue;
    private bool _skip;

    // The contract-day being read (none while _bars == 0).
    private string _tickerText = "";
    private long _bars, _firstTs, _lastTs;
    private double _reference, _limit, _peak, _strike;
    private int _expiry, _dayRuns;
    private string _right = "";

    // The run of above bars being read (none while _runLength == 0).
    private long _runLength, _runStart, _runLast;
    private double _runTrigger, _runPeak;

    /// <summary>Reads one batch; batches must come in the query's order.</summary>
    public void Add(MomentumBarBatch batch)
    {
        var dates = batch.Dates.Values;
        var times = batch.Times.Values;
        var opens = batch.Opens.Values;
        var closes = batch.Closes.Values;
        for (var row = 0; row < batch.Length; row++)
        {
            var date = dates[row];
            var ticker = batch.Tickers.GetBytes(row);
            if (date != _date || !ticker.SequenceEqual(_ticker.AsSpan(0, _tickerLength))) Switch(date, ticker);
            if (_skip) continue;
            if ((batch.HasNulls && batch.IsNull(row)) || !double.IsFinite(opens[row]) || !double.IsFinite(closes[row]))
            {
                OutOfOrder(date);
                continue;
            }
            var ts = times[row];
            if (_bars == 0) Begin(batch, row, ts, ticker);
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

    /// <summary>A new (date, ticker): ends the day read so far and checks that the new one comes after it.</summary>
    private void Switch(int date, ReadOnlySpan<byte> ticker)
    {
        EndDay();
        var inOrder = date == _date ? ticker.SequenceCompareTo(_ticker.AsSpan(0, _tickerLength)) > 0 : _seenDates.Add(date);
        _date = date;
        if (_ticker.Length < ticker.Length) _ticker = new byte[ticker.Length * 2];
        ticker.CopyTo(_ticker);
        _tickerLength = ticker.Length;
        if (!inOrder) _outOfOrder.Add(date);
        _skip = _outOfOrder.Contains(date);
    }

    /// <summary>The contract-day's first bar: its open is the reference, its terms the day's.</summary>
    private void Begin(MomentumBarBatch batch, int row, long ts, ReadOnlySpan<byte> ticker)
    {
        _tickerText = Encoding.UTF8.GetString(ticker);
        _reference = batch.Opens.Values[row];
        // The SQL path's comparison, operation for operation, so both round alike (MomentumQueries.TieTolerance).
        _limit = _reference * (1 + threshold) * (1 - MomentumQueries.TieTolerance);
        _peak = double.NegativeInfinity;
        _firstTs = ts;
        _expiry = batch.Expiries.Values[row];
        _right = batch.Rights.GetString(row);
        _strike = batch.Strikes.Values[row];
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
            }
            else if (close > _runPeak) _runPeak = close;
            _runLength++;
            _runLast = ts;
        }
        else if (_runLength > 0) EndRun();
    }

    private void EndRun()
    {
        _runs.Add(new MomentumKernelRun(_tickerText, _date, _runStart, _runLast, _runLength, _reference, _runTrigger, _runPeak));
        _runLength = 0;
    }

    private void EndDay()
    {
        if (_bars == 0) return;
        if (_runLength > 0) EndRun();
        _days.Add(new MomentumKernelDay(_tickerText, _date, _bars, _reference, _peak, _expiry, _right, _strike, _firstTs, _lastTs));
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
