using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Simulator.Generation;

namespace Spx.Research.Simulator.Streaming;

/// <summary>
/// Turns lake bars into the events a cluster streams, in simulated-time order. A bar becomes due when its
/// window ends (a per-second bar at <c>ts+1s</c>, a minute bar at <c>ts+60s</c>); day accumulations
/// (<c>av</c>, <c>a</c>, <c>op</c>) come from SQL window functions over the session so far, so a replay can
/// start mid-session and still send the same numbers as a replay from the open.
/// </summary>
/// <remarks>
/// Sources: <c>stocks</c> — <c>A</c> from <c>stock_bars_1s</c>, <c>AM</c> from <c>stock_bars_1m</c>;
/// <c>options</c> — <c>AM</c> from <c>option_bars_1m</c> (the lake has no per-second option bars);
/// <c>indices</c> — <c>AM</c>, <c>A</c> and <c>V</c> from <c>index_bars_1m</c> (no per-second index data:
/// <c>A</c> comes once a minute with <c>s = e</c>, and <c>V</c> is the minute's close with capital <c>T</c>).
/// <para>Over a lake still being generated (<paramref name="frontier"/> set), each window first waits, up to
/// <paramref name="wait"/>, for the sessions through its end, so a replay that outruns generation pauses instead
/// of skipping ahead or ending early.</para>
/// </remarks>
public sealed class ReplayFeed(LakeGate lake, string cluster, LakeFrontier? frontier, TimeSpan wait)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <summary>Frames due in (<paramref name="from"/>, <paramref name="until"/>], loaded ten simulated minutes at a time, skipping nights.</summary>
    /// <exception cref="SessionUnavailableException">A session the replay reached was not generated in time, or its generation failed.</exception>
    public async IAsyncEnumerable<ReplayFrame> Frames(DateTimeOffset from, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var start = from;
        while (start < until)
        {
            // Bars whose due time falls in (start, end]: ts in (start - span, end - span].
            var end = start + Window < until ? start + Window : until;
            if (frontier is not null) await frontier.WaitThroughAsync(NewYorkTime.LocalDate(end), wait, cancellationToken).ConfigureAwait(false);
            var events = new List<(DateTimeOffset Due, ReplayEvent Event)>();
            foreach (var source in Sources())
            {
                events.AddRange(Load(source, start - source.Span, end - source.Span));
            }
            foreach (var group in events.GroupBy(e => e.Due).OrderBy(g => g.Key))
                yield return new ReplayFrame(group.Key, [.. group.Select(e => e.Event)]);

            if (events.Count == 0)
            {
                // Jump over the gap (night, weekend) to the next bar. Sessions are written in order, so a bar found
                // is the next one; none found while the lake grows means the next session is not written yet.
                var next = NextBar(end);
                while (next is null && frontier?.Pending is { } pending)
                {
                    await frontier.WaitThroughAsync(pending, wait, cancellationToken).ConfigureAwait(false);
                    next = NextBar(end);
                }
                if (next is not { } nextTs) yield break;
                start = nextTs > end ? nextTs : end;
                continue;
            }
            start = end;
        }
    }

    /// <summary>The first bar of any source after <paramref name="end"/>, or null.</summary>
    private DateTimeOffset? NextBar(DateTimeOffset end) =>
        Sources().Select(s => lake.Scalar<long?>($"SELECT epoch_ms(min(ts)) FROM {s.View} WHERE ts > {SqlText.Instant(end)}") is { } ms
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null).Where(t => t is not null).Min();

    private sealed record Source(string View, string Kind, TimeSpan Span);

    private IEnumerable<Source> Sources() => cluster switch
    {
        "stocks" => [new Source("stock_bars_1s", "A", TimeSpan.FromSeconds(1)), new Source("stock_bars_1m", "AM", TimeSpan.FromMinutes(1))],
        "options" => [new Source("option_bars_1m", "AM", TimeSpan.FromMinutes(1))],
        _ => [new Source("index_bars_1m", "index", TimeSpan.FromMinutes(1))],
    };

    private List<(DateTimeOffset, ReplayEvent)> Load(Source source, DateTimeOffset fromTs, DateTimeOffset toTs)
    {
        var date = NewYorkTime.LocalDate(fromTs);
        var isIndex = source.Kind == "index";
        var volumes = isIndex ? "NULL, NULL, NULL, NULL, NULL"
            : "CAST(volume AS DOUBLE), coalesce(vwap, close), CAST(trades AS BIGINT), "
              + "CAST(sum(volume) OVER day AS DOUBLE), sum(coalesce(vwap, close) * volume) OVER day / nullif(sum(volume) OVER day, 0)";
        var sql = $"""
            SELECT ticker, epoch_ms(ts), open, high, low, close, first(open) OVER day, {volumes}
            FROM {source.View}
            WHERE date BETWEEN {SqlText.Date(date.AddDays(-1))} AND {SqlText.Date(NewYorkTime.LocalDate(toTs).AddDays(1))} AND ts <= {SqlText.Instant(toTs)}
            WINDOW day AS (PARTITION BY ticker, date ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
            QUALIFY ts > {SqlText.Instant(fromTs)}
            ORDER BY ts, ticker
            """;
        var spanMs = (long)source.Span.TotalMilliseconds;
        return lake.Rows(sql, r =>
        {
            var sym = r.GetString(0);
            var s = r.GetInt64(1);
            var due = DateTimeOffset.FromUnixTimeMilliseconds(s + spanMs);
            var (o, h, l, c, op) = (r.GetDouble(2), r.GetDouble(3), r.GetDouble(4), r.GetDouble(5), r.GetDouble(6));
            if (isIndex) return Index(sym, s, s + spanMs, o, h, l, c, op);
            var v = r.GetDouble(7);
            var n = r.IsDBNull(9) ? 0 : r.GetInt64(9);
            var body = new JsonObject
            {
                ["ev"] = source.Kind, ["sym"] = sym, ["v"] = v, ["av"] = r.GetDouble(10), ["op"] = op,
                ["vw"] = Math.Round(r.GetDouble(8), 4), ["o"] = o, ["c"] = c, ["h"] = h, ["l"] = l,
                ["a"] = r.IsDBNull(11) ? c : Math.Round(r.GetDouble(11), 4), ["z"] = n > 0 ? (long)Math.Round(v / n) : 0,
                ["s"] = s, ["e"] = s + spanMs,
            };
            return new List<(DateTimeOffset, ReplayEvent)> { (due, new ReplayEvent(source.Kind, sym, body)) };
        }).SelectMany(x => x).ToList();
    }

    private static List<(DateTimeOffset, ReplayEvent)> Index(string sym, long s, long e, double o, double h, double l, double c, double op)
    {
        var due = DateTimeOffset.FromUnixTimeMilliseconds(e);
        return
        [
            (due, new ReplayEvent("AM", sym, new JsonObject { ["ev"] = "AM", ["sym"] = sym, ["op"] = op, ["o"] = o, ["c"] = c, ["h"] = h, ["l"] = l, ["s"] = s, ["e"] = e })),
            (due, new ReplayEvent("A", sym, new JsonObject { ["ev"] = "A", ["sym"] = sym, ["op"] = op, ["o"] = o, ["c"] = c, ["h"] = h, ["l"] = l, ["s"] = e, ["e"] = e })),
            (due, new ReplayEvent("V", sym, new JsonObject { ["ev"] = "V", ["val"] = c, ["T"] = sym, ["t"] = e })),
        ];
    }
}
