using System.Runtime.ExceptionServices;
using Spx.Research.Synthetic;
using Spx.Research.Simulator.Generation;

namespace Spx.Research.Simulator;

/// <summary>
/// The synthetic market for a seed, generated on the fly into a temporary lake the simulator serves (deleted on
/// dispose). Serving one lake keeps a single serving path for recorded and synthetic data alike.
/// </summary>
/// <remarks>
/// <para>One <see cref="SyntheticLakeWriter.Generate"/> call writes the whole range on a background thread, exactly as
/// a one-shot generation would (the market carries state from session to session — open interest, the daily path —
/// so generating the range in pieces would not give the same data). <see cref="Start"/> returns once the first
/// session is written; the writer's per-session progress moves <see cref="Frontier"/>, which requests needing later
/// sessions wait on (see <see cref="SimulatorOptions.Frontier"/>).</para>
/// <para>A background failure is reported once through <c>failed</c> and recorded on the frontier, so requests
/// that need a missing session get an error naming it instead of waiting forever.</para>
/// </remarks>
public sealed class SyntheticSource : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _generation = Task.CompletedTask;
    private int _disposed;

    private SyntheticSource(string root, LakeFrontier frontier)
    {
        Root = root;
        Frontier = frontier;
    }

    /// <summary>The temporary lake.</summary>
    public string Root { get; }

    /// <summary>The range's sessions and how many are written so far.</summary>
    public LakeFrontier Frontier { get; }

    /// <summary>
    /// Starts generating sessions <paramref name="from"/>..<paramref name="to"/> of the sample-profile market with
    /// <paramref name="seed"/>, and returns once the first session is written; the rest follow in the background, in order.
    /// </summary>
    /// <param name="progress">Told after each session is written (on the writer's thread).</param>
    /// <param name="failed">Told once if generation fails after the first session (a failure before it is thrown here instead).</param>
    /// <exception cref="ArgumentException">The range holds no NYSE session.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The range is reversed or starts before the model's epoch.</exception>
    public static SyntheticSource Start(long seed, DateOnly from, DateOnly to, IProgress<GenerationProgress>? progress = null, Action<Exception>? failed = null) =>
        Start(seed, from, to, progress, failed, afterSession: null);

    /// <summary>
    /// <see cref="Start(long, DateOnly, DateOnly, IProgress{GenerationProgress}?, Action{Exception}?)"/> with a hook run on the
    /// writer's thread after each session is served; generation waits for it, so a test can hold it at a session
    /// (the token is cancelled on dispose).
    /// </summary>
    internal static SyntheticSource Start(
        long seed, DateOnly from, DateOnly to, IProgress<GenerationProgress>? progress, Action<Exception>? failed,
        Action<DateOnly, CancellationToken>? afterSession)
    {
        var market = new SyntheticMarket(new SyntheticMarketOptions { Seed = seed, Profile = SyntheticProfile.Sample });
        if (to < from) throw new ArgumentOutOfRangeException(nameof(to), to, $"the range ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})");
        var sessions = market.Sessions(from, to);
        if (sessions.Count == 0) throw new ArgumentException($"No NYSE sessions between {from:yyyy-MM-dd} and {to:yyyy-MM-dd}.", nameof(to));

        var source = new SyntheticSource(Directory.CreateTempSubdirectory("spx-simulator-lake-").FullName, new LakeFrontier(sessions.Select(s => s.Date)));
        var token = source._stop.Token;
        var written = new SyncProgress<GenerationProgress>(p =>
        {
            source.Frontier.Advance(p.LastDate);
            progress?.Report(p);
            afterSession?.Invoke(p.LastDate, token);
        });
        source._generation = Task.Factory.StartNew(
            () => source.Generate(market, from, to, written, failed), token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            source.Frontier.WaitThroughAsync(sessions[0].Date, Timeout.InfiniteTimeSpan, CancellationToken.None).GetAwaiter().GetResult();
            return source;
        }
        catch (SessionUnavailableException error) when (error.InnerException is { } cause)
        {
            source.Dispose();
            ExceptionDispatchInfo.Throw(cause);
            throw;
        }
    }

    /// <summary>Stops the background generation (between sessions), waits for it, and deletes the lake.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _stop.Cancel();
        _generation.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
        Frontier.Fail(new ObjectDisposedException(nameof(SyntheticSource), "The synthetic source was disposed before generation finished."));
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        _stop.Dispose();
    }

    private void Generate(SyntheticMarket market, DateOnly from, DateOnly to, IProgress<GenerationProgress> written, Action<Exception>? failed)
    {
        try
        {
            SyntheticLakeWriter.Generate(market, from, to, Root, written, _stop.Token);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed: Dispose records it on the frontier.
        }
        catch (Exception error)
        {
            var started = Frontier.Written > 0;
            Frontier.Fail(error);
            if (started) failed?.Invoke(error);
        }
    }
}
