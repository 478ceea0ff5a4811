using Spx.Research.Market;
using Spx.Research.Monitor.Scheduling;

namespace Spx.Research.Tests.Monitor.Scheduling;

/// <summary>One call the scheduler made: what, for which slot or session, when (the scheduler's clock), which attempt.</summary>
internal sealed record StepCall(string Kind, DateTimeOffset? Slot, DateOnly? Session, DateTimeOffset At, int Attempt, bool TokenCancelled);

/// <summary>
/// Steps that remember what they stored, like the lake would: a restart sees the polls stored before it. Failures
/// and side effects (a stop request mid-step) are scripted per call.
/// </summary>
internal sealed class FakeSteps(TimeProvider time) : IMonitorSteps
{
    private readonly Lock _gate = new();
    private readonly List<StepCall> _calls = [];
    private readonly Dictionary<string, int> _attempts = [];

    /// <summary>Poll instants stored so far (any session).</summary>
    public HashSet<DateTimeOffset> Stored { get; } = [];

    /// <summary>Sessions whose end of day ran.</summary>
    public HashSet<DateOnly> EndOfDayDone { get; } = [];

    /// <summary>True makes the call throw.</summary>
    public Func<StepCall, bool> Fails { get; set; } = _ => false;

    /// <summary>Runs inside each step, before it succeeds or fails.</summary>
    public Action<StepCall> During { get; set; } = _ => { };

    public IReadOnlyList<StepCall> Calls
    {
        get { lock (_gate) return [.. _calls]; }
    }

    public IReadOnlyList<StepCall> Polls => [.. Calls.Where(c => c.Kind == "poll")];

    public IReadOnlyList<StepCall> EndOfDays => [.. Calls.Where(c => c.Kind == "eod")];

    public Task<string> PollAsync(DateTimeOffset instant, CancellationToken cancellationToken)
    {
        var call = Record("poll", instant, null, cancellationToken);
        if (Fails(call)) throw new HttpRequestException($"simulated 503 for the poll at {instant:O}");
        lock (_gate) Stored.Add(instant);
        return Task.FromResult("12 contracts");
    }

    public Task<string> EndOfDayAsync(DateOnly session, CancellationToken cancellationToken)
    {
        var call = Record("eod", null, session, cancellationToken);
        if (Fails(call)) throw new IOException($"simulated disk full at end of day {session:yyyy-MM-dd}");
        lock (_gate) EndOfDayDone.Add(session);
        return Task.FromResult("12 daily rows");
    }

    public Task<IReadOnlySet<DateTimeOffset>> StoredPollsAsync(DateOnly session, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult<IReadOnlySet<DateTimeOffset>>(Stored.Where(s => NewYorkTime.LocalDate(s) == session).ToHashSet());
    }

    public Task<bool> EndOfDayDoneAsync(DateOnly session, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(EndOfDayDone.Contains(session));
    }

    private StepCall Record(string kind, DateTimeOffset? slot, DateOnly? session, CancellationToken token)
    {
        StepCall call;
        lock (_gate)
        {
            var key = $"{kind}:{slot:O}:{session}";
            var attempt = _attempts[key] = _attempts.GetValueOrDefault(key) + 1;
            call = new StepCall(kind, slot, session, time.GetUtcNow(), attempt, token.IsCancellationRequested);
            _calls.Add(call);
        }

        During(call);
        return call;
    }
}
