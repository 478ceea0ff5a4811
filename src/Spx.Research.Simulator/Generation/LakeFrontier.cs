namespace Spx.Research.Simulator.Generation;

/// <summary>
/// How far a lake that is still being written has got: its sessions in date order, how many are written, and
/// the failure that stopped the writer, if any. A request awaits the sessions its answer reads, because reading
/// a session before it is written would answer with silently missing data, not an error.
/// </summary>
/// <remarks>
/// Sessions are written strictly in order, so "written through date D" is one number, and anything found in the
/// lake precedes every session still missing. Waits are bounded and end in a <see cref="SessionUnavailableException"/>
/// naming the session, so nothing hangs on a slow or failed writer.
/// </remarks>
public sealed class LakeFrontier
{
    private readonly Lock _gate = new();
    private readonly DateOnly[] _sessions;
    private int _written;
    private Exception? _failure;
    private TaskCompletionSource _moved = NewSignal();

    /// <summary>A frontier over <paramref name="sessions"/> (ascending, at least one), none written yet.</summary>
    public LakeFrontier(IEnumerable<DateOnly> sessions)
    {
        _sessions = [.. sessions];
        if (_sessions.Length == 0) throw new ArgumentException("A lake being written needs at least one session.", nameof(sessions));
        for (var i = 1; i < _sessions.Length; i++)
        {
            if (_sessions[i] <= _sessions[i - 1]) throw new ArgumentException("Sessions must be ascending and distinct.", nameof(sessions));
        }
    }

    /// <summary>Every session of the range, in the order they are written.</summary>
    public IReadOnlyList<DateOnly> Sessions => _sessions;

    /// <summary>How many sessions are written (a prefix of <see cref="Sessions"/>).</summary>
    public int Written
    {
        get { lock (_gate) return _written; }
    }

    /// <summary>True once every session is written.</summary>
    public bool IsComplete => Written == _sessions.Length;

    /// <summary>The next session to be written, or null once all are.</summary>
    public DateOnly? Pending
    {
        get { lock (_gate) return _written < _sessions.Length ? _sessions[_written] : null; }
    }

    /// <summary>Why the writer stopped before the last session, or null.</summary>
    public Exception? Failure
    {
        get { lock (_gate) return _failure; }
    }

    /// <summary>Raised with the last session a request needs when it starts waiting (tests hold generation until one does).</summary>
    internal event Action<DateOnly>? Waiting;

    /// <summary>Records that <paramref name="session"/>, the next in order, is written and readable.</summary>
    /// <exception cref="InvalidOperationException">Not the next session, or the writer already failed.</exception>
    public void Advance(DateOnly session)
    {
        TaskCompletionSource moved;
        lock (_gate)
        {
            if (_failure is not null) throw new InvalidOperationException("The writer already failed.", _failure);
            if (_written == _sessions.Length || _sessions[_written] != session)
                throw new InvalidOperationException($"Session {session:yyyy-MM-dd} is not the next to be written.");
            _written++;
            (moved, _moved) = (_moved, NewSignal());
        }
        moved.SetResult();
    }

    /// <summary>Records that the writer stopped; waiters for missing sessions get an error naming <paramref name="error"/>. The first failure wins; ignored once complete.</summary>
    public void Fail(Exception error)
    {
        TaskCompletionSource moved;
        lock (_gate)
        {
            if (_failure is not null || _written == _sessions.Length) return;
            _failure = error;
            (moved, _moved) = (_moved, NewSignal());
        }
        moved.SetResult();
    }

    /// <summary>
    /// Returns once every session on or before <paramref name="date"/> is written (at once when they are, or the
    /// date precedes the range; a date past the range needs all of it).
    /// </summary>
    /// <exception cref="SessionUnavailableException">
    /// 503 when <paramref name="timeout"/> passes first (the session is still being generated); 500 when the writer failed first.
    /// </exception>
    public async Task WaitThroughAsync(DateOnly date, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var needed = _sessions.Count(s => s <= date);
        if (needed == 0) return;
        var through = _sessions[needed - 1];
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var announced = false;
        while (true)
        {
            Task moved;
            DateOnly pending;
            lock (_gate)
            {
                if (_written >= needed) return;
                pending = _sessions[_written];
                if (_failure is { } failure)
                {
                    throw new SessionUnavailableException(500,
                        $"Session {pending:yyyy-MM-dd} is not available: generating it stopped ({failure.GetType().Name}: {failure.Message}).",
                        failure);
                }
                moved = _moved.Task;
            }
            if (!announced)
            {
                announced = true;
                Waiting?.Invoke(through);
            }
            try
            {
                await moved.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new SessionUnavailableException(503,
                    $"The answer reads sessions through {through:yyyy-MM-dd}; session {pending:yyyy-MM-dd} is still being generated ({Written} of {_sessions.Length} written). Waited {timeout.TotalSeconds:0.#} s; try again shortly.");
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
