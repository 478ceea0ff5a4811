using System.Runtime.CompilerServices;
using System.Text;
using Spx.Research.Lake;
using C = Spx.Research.Scanning.MomentumBarColumns;

namespace Spx.Research.Scanning;

/// <summary>
/// The momentum scan as one pass over bars in stored order (docs/scanner.md): the lake writes each partition sorted
/// by (ticker, ts), so each contract-day's bars arrive together and in time order, and a run of above bars is a
/// few fields of state, with no sort. The order is checked as the bars go by, never assumed: a date whose bars
/// break it (a ticker seen again after another, a time that does not rise, a date seen again, a NULL or non-finite
/// value, terms that change within a contract-day) is dropped whole and reported in
/// <see cref="MomentumKernelResult.OutOfOrderDates"/>, for the SQL path to scan. Tickers are compared byte for byte
/// in DuckDB's cells, so a contract-day read here is exactly the SQL path's (ticker, date) group.
/// </summary>
internal sealed class MomentumKernel(double threshold)
{
    private readonly List<MomentumKernelDay> _days = [];
    private readonly List<MomentumKernelRun> _runs = [];
    private readonly HashSet<int> _seenDates = [];
    private readonly HashSet<int> _outOfOrder = [];
    private readonly HashSet<string> _tickersOfDate = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _rights = new(StringComparer.Ordinal);
    private byte[] _tickerBytes = [];
    private string _ticker = "";
    private bool _hasTicker;
    private int _date = int.MinValue;
    private bool _skip;

    // The contract-day being read (none while _bars == 0), and its terms, from its first bar.
    private long _bars, _firstTs, _lastTs;
    private double _reference, _limit, _peak;
    private int _dayRuns, _expiry;
    private long _strikeBits;
    private byte[] _rightBytes = [];
    private string _right = "";

    // The run of above bars being read (none while _runLength == 0); its peak bar is the first to reach its highest close.
    private long _runLength, _runStart, _runLast, _runPeakTs;
    private double _runTrigger, _runPeak;

    /// <summary>Reads one chunk of <see cref="MomentumBarColumns.Query"/>; chunks must come in the query's order.</summary>
    // Fully optimised from the first call: the loop runs once per bar, and a CLI scan is over before tiering would reach it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(DuckDbChunk chunk)
    {
        var dates = chunk.Values<int>(C.Date);
        var times = chunk.Values<long>(C.Ts);
        var opens = chunk.Values<double>(C.Open);
        var closes = chunk.Values<double>(C.Close);
        var expiries = chunk.Values<int>(C.Expiry);
        var strikes = chunk.Values<double>(C.Strike);
        var hasNulls = HasNulls(chunk);
        for (var row = 0; row < chunk.Length; row++)
        {
            var date = dates[row];
            if (hasNulls && RowHasNull(chunk, row))
            {
                // No ticker to compare: the date goes SQL, and the next row starts a contract-day afresh.
                EndDay();
                _outOfOrder.Add(date);
                _hasTicker = false;
                continue;
            }
            if (date != _date || !SameTicker(chunk, row)) Switch(chunk, row, date);
            if (_skip) continue;
            var open = opens[row];
            var close = closes[row];
            if (!double.IsFinite(open) || !double.IsFinite(close))
            {
                OutOfOrder(date);
                continue;
            }
            var ts = times[row];
            if (_bars == 0) Begin(chunk, row, ts, open, expiries[row], strikes[row]);
            else if (ts <= _lastTs || !SameTerms(chunk, row, expiries[row], strikes[row]))
            {
                OutOfOrder(date);
                continue;
            }
            Step(ts, close);
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

    private static bool HasNulls(DuckDbChunk chunk)
    {
        for (var column = C.Date; column <= C.Strike; column++)
        {
            if (chunk.HasNulls(column)) return true;
        }
        return false;
    }

    private static bool RowHasNull(DuckDbChunk chunk, int row)
    {
        for (var column = C.Date; column <= C.Strike; column++)
        {
            if (chunk.IsNull(column, row)) return true;
        }
        return false;
    }

    /// <summary>Whether the row's ticker is the contract-day's: the previous row's cell as is, else the bytes.</summary>
    private bool SameTicker(DuckDbChunk chunk, int row) =>
        _hasTicker && ((row > 0 && chunk.SameCell(C.Ticker, row, row - 1)) || chunk.Text(C.Ticker, row).SequenceEqual(_tickerBytes));

    /// <summary>A new (date, ticker): ends the day read so far and checks that neither was left before.</summary>
    private void Switch(DuckDbChunk chunk, int row, int date)
    {
        EndDay();
        if (date != _date)
        {
            if (!_seenDates.Add(date)) _outOfOrder.Add(date);
            _tickersOfDate.Clear();
            _date = date;
        }
        var ticker = chunk.Text(C.Ticker, row);
        if (!_hasTicker || !ticker.SequenceEqual(_tickerBytes))
        {
            _tickerBytes = ticker.ToArray();
            _ticker = Encoding.UTF8.GetString(ticker);
            _hasTicker = true;
        }
        if (!_tickersOfDate.Add(_ticker)) _outOfOrder.Add(date);
        _skip = _outOfOrder.Contains(date);
    }

    /// <summary>The contract-day's first bar: its open is the reference, its terms the day's.</summary>
    private void Begin(DuckDbChunk chunk, int row, long ts, double open, int expiry, double strike)
    {
        _reference = open;
        // The SQL path's comparison, operation for operation, so both round alike (MomentumQueries.TieTolerance).
        _limit = _reference * (1 + threshold) * (1 - MomentumQueries.TieTolerance);
        _peak = double.NegativeInfinity;
        _firstTs = ts;
        _dayRuns = _runs.Count;
        _expiry = expiry;
        _strikeBits = BitConverter.DoubleToInt64Bits(strike);
        var right = chunk.Text(C.OptionRight, row);
        if (!right.SequenceEqual(_rightBytes))
        {
            _rightBytes = right.ToArray();
            var text = Encoding.UTF8.GetString(right);
            _right = _rights.TryGetValue(text, out var known) ? known : _rights[text] = text;
        }
    }

    /// <summary>
    /// Whether a later bar has the first bar's terms. The SQL path takes any bar's (<c>any_value</c>), which is the same
    /// only when all agree; when they do not, the date goes SQL.
    /// </summary>
    private bool SameTerms(DuckDbChunk chunk, int row, int expiry, double strike) =>
        expiry == _expiry && BitConverter.DoubleToInt64Bits(strike) == _strikeBits && chunk.Text(C.OptionRight, row).SequenceEqual(_rightBytes);

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
        _days.Add(new MomentumKernelDay(_ticker, _date, _bars, _reference, _peak, _firstTs, _lastTs, _expiry, _right, BitConverter.Int64BitsToDouble(_strikeBits)));
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
