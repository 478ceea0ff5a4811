using System.Globalization;
using Spx.Research.Ingest.Pipeline;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// The backfill's progress on stderr: rows, requests, rate, ETA and errors. On a terminal one line redrawn in
/// place; otherwise (a log, a pipe) one whole line per interval, so logs stay readable line by line.
/// </summary>
public static class IngestProgressLines
{
    /// <summary>One reading as text.</summary>
    public static string Format(BackfillSnapshot s) => string.Create(CultureInfo.InvariantCulture,
        $"spx: ingest: {s.Finished}/{s.Units} units ({s.Skipped} already stored, {s.Failed} failed), {s.Rows:N0} rows, " +
        $"{s.Requests:N0} requests, {s.RequestsPerSecond:0.0} req/s, elapsed {Clock(s.Elapsed)}, ETA {(s.Eta is { } eta ? Clock(eta) : "?")}");

    /// <summary>Prints readings until <paramref name="stop"/> is cancelled.</summary>
    /// <param name="terminal">True to redraw one line (<c>\r</c>) every half second instead of a line per <paramref name="interval"/>.</param>
    public static async Task Print(BackfillProgress progress, TextWriter error, bool terminal, TimeSpan interval, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(terminal ? TimeSpan.FromMilliseconds(500) : interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                if (terminal) error.Write("\r" + Format(progress.Snapshot()) + "\u001b[K");
                else error.WriteLine(Format(progress.Snapshot()));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the caller prints the final line.
        }
        if (terminal) error.Write("\r\u001b[K");
    }

    private static string Clock(TimeSpan span) => span.ToString(span.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);
}
