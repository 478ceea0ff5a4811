using System.Net;
using Spx.Research.Configuration;
using Spx.Research.Notifications.Delivery;

namespace Spx.Research.Notifications;

/// <summary>
/// Sends notifications to the configured targets: one message per notification per target, never the same key twice
/// to a target, nothing during quiet hours (held and sent on the first call after they end), retries with backoff.
/// Targets are served in parallel, so a slow or hung service delays only its own messages, by at most its timeout
/// per attempt. A failed target is logged in one line naming it and the cause, and never throws out of here or
/// stops the others. Rules and choices: docs/notifications.md.
/// </summary>
public sealed class Notifier : IDisposable
{
    private readonly NotifierOptions _options;
    private readonly QuietHours _quiet;
    private readonly NotificationState _state;
    private readonly HttpClient _http;
    private readonly IReadOnlyList<(NotificationChannel Channel, ChannelSender Sender)> _channels;
    private readonly IReadOnlyList<(string Target, string Problem)> _problems;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <param name="settings">Targets, quiet hours and retries from the configuration.</param>
    /// <param name="options">Clock, environment, log, state file and timings; defaults when null.</param>
    /// <exception cref="ArgumentException">The quiet hours are half set or empty.</exception>
    public Notifier(NotificationSettings settings, NotifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _options = options ?? new NotifierOptions();
        _quiet = new QuietHours(settings.QuietFrom, settings.QuietTo);
        _state = _options.StateFile is { } file ? NotificationState.Load(file, _options.Time, _options.Log) : NotificationState.InMemory();
        _http = new HttpClient(_options.HttpMessageHandler ?? new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All }, disposeHandler: _options.HttpMessageHandler is null)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Spx.Research/1.0");

        var channels = new List<(NotificationChannel, ChannelSender)>();
        var problems = new List<(string, string)>();
        foreach (var target in settings.Targets)
        {
            string? problem;
            if (channels.Any(c => c.Item1.Name == target.Name) || problems.Any(p => p.Item1 == target.Name))
            {
                problem = $"notify {target.Name} ({target.Kind}): another target has the same name; names must be unique, so this one is skipped.";
            }
            else if (ChannelResolver.Resolve(target, _options.ReadEnvironment, out problem) is { } channel)
            {
                channels.Add((channel, new ChannelSender(channel, _http, _options, settings.Retries)));
                continue;
            }

            problems.Add((target.Name, problem!));
            _options.Log?.Invoke(problem!);
        }

        _channels = channels;
        _problems = problems;
    }

    /// <summary>Targets that cannot be used, one line each (also logged once when the notifier is built).</summary>
    public IReadOnlyList<string> Problems => _problems.Select(p => p.Problem).ToArray();

    /// <summary>Notifications held for the end of the quiet hours.</summary>
    public IReadOnlyList<Notification> Held => _state.Held;

    /// <summary>
    /// Sends each notification to each target that has not had its key, together with anything held from quiet hours
    /// that have now ended; during quiet hours, holds them instead. Returns one outcome per notification and target.
    /// Throws only for invalid notifications (before anything is sent) and when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    /// <exception cref="ArgumentException">A notification has no key or title.</exception>
    public async Task<IReadOnlyList<NotificationOutcome>> SendAsync(IEnumerable<Notification> notifications, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        var incoming = notifications.ToArray();
        foreach (var notification in incoming) notification.Validate();

        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _options.Time.GetUtcNow();
            _state.Forget(now - _options.Remember);
            if (_quiet.Contains(now)) return Hold(incoming);

            var outcomes = new List<NotificationOutcome>();
            var batch = new List<Notification>();
            var wasHeld = _state.Held;
            foreach (var held in wasHeld)
            {
                if (now - held.At > _options.MaxHold)
                {
                    _options.Log?.Invoke($"notify: {held.Key} was held since {held.At.UtcDateTime:yyyy-MM-dd HH:mm}Z, longer than {_options.MaxHold.TotalHours:0.#} h; dropped.");
                    outcomes.Add(new NotificationOutcome("", held.Key, NotificationStatus.Expired));
                }
                else
                {
                    batch.Add(held);
                }
            }

            batch.AddRange(incoming);
            batch = batch.DistinctBy(n => n.Key, StringComparer.Ordinal).ToList();
            if (batch.Count > 0)
            {
                outcomes.AddRange(Unusable(batch));
                var perTarget = await Task.WhenAll(_channels.Select(c => SendToAsync(c.Channel, c.Sender, batch, cancellationToken))).ConfigureAwait(false);
                outcomes.AddRange(perTarget.SelectMany(o => o));
            }

            // Released only now: a crash while sending leaves them held, and the sent keys keep them from repeating.
            _state.Release(wasHeld.Select(n => n.Key));
            return outcomes;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>Sends what was held, if the quiet hours have ended (for a scheduler's wake-up at their end).</summary>
    public Task<IReadOnlyList<NotificationOutcome>> FlushHeldAsync(CancellationToken cancellationToken = default) => SendAsync([], cancellationToken);

    public void Dispose()
    {
        _http.Dispose();
        _oneAtATime.Dispose();
    }

    private IReadOnlyList<NotificationOutcome> Hold(Notification[] incoming)
    {
        var added = _state.Hold(incoming);
        if (added.Count > 0)
        {
            _options.Log?.Invoke($"notify: quiet hours until {_quiet.EndText} New York; {added.Count} notification(s) held ({_state.Held.Count} in all).");
        }

        return incoming.Select(n => new NotificationOutcome("", n.Key, NotificationStatus.Held)).ToArray();
    }

    /// <summary>Failed outcomes for targets that could not be set up, one log line per target per call.</summary>
    private List<NotificationOutcome> Unusable(IReadOnlyList<Notification> batch)
    {
        var outcomes = new List<NotificationOutcome>();
        foreach (var (target, problem) in _problems)
        {
            _options.Log?.Invoke($"{problem.TrimEnd('.')}; {batch.Count} notification(s) not sent.");
            outcomes.AddRange(batch.Select(n => new NotificationOutcome(target, n.Key, NotificationStatus.Failed, 0, problem)));
        }

        return outcomes;
    }

    /// <summary>
    /// One target's share of a call, in order. After a timeout or a broken connection the rest of the call is skipped
    /// for this target (each would wait as long again); they are reported failed and go out when passed again.
    /// </summary>
    private async Task<IReadOnlyList<NotificationOutcome>> SendToAsync(
        NotificationChannel channel, ChannelSender sender, IReadOnlyList<Notification> batch, CancellationToken cancellationToken)
    {
        var outcomes = new List<NotificationOutcome>(batch.Count);
        string? unreachable = null;
        foreach (var notification in batch)
        {
            if (_state.WasSent(channel.Name, notification.Key))
            {
                outcomes.Add(new NotificationOutcome(channel.Name, notification.Key, NotificationStatus.AlreadySent));
                continue;
            }

            if (unreachable is not null)
            {
                outcomes.Add(new NotificationOutcome(channel.Name, notification.Key, NotificationStatus.Failed, 0, unreachable));
                continue;
            }

            var result = await sender.SendAsync(notification, cancellationToken).ConfigureAwait(false);
            if (result.Delivered)
            {
                _state.MarkSent(channel.Name, notification.Key, _options.Time.GetUtcNow());
                _options.Log?.Invoke($"notify {channel.Label}: sent {notification.Key}");
                outcomes.Add(new NotificationOutcome(channel.Name, notification.Key, NotificationStatus.Sent, result.Attempts));
                continue;
            }

            _options.Log?.Invoke(channel.Redact($"notify {channel.Label}: {notification.Key} not sent: {result.Error}"));
            outcomes.Add(new NotificationOutcome(channel.Name, notification.Key, NotificationStatus.Failed, result.Attempts, result.Error));
            if (result.Unreachable) unreachable = $"skipped: this target failed earlier in the same call ({result.Error})";
        }

        return outcomes;
    }
}
