namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// An index value tick (<c>V</c>, on the indices cluster). Note the wire names the ticker <c>T</c> (capital),
/// unlike aggregates' <c>sym</c>.
/// </summary>
/// <param name="Ticker">The wire <c>T</c>, e.g. <c>I:SPX</c>.</param>
/// <param name="Value">The wire <c>val</c>.</param>
/// <param name="Timestamp">The wire <c>t</c> (Unix milliseconds).</param>
public sealed record IndexValueEvent(string Ticker, double Value, DateTimeOffset Timestamp) : StreamEvent("V");
