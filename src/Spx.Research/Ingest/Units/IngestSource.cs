namespace Spx.Research.Ingest.Units;

/// <summary>What a backfill can download (<c>--sources</c>); each is stored in one dataset.</summary>
public enum IngestSource
{
    /// <summary>Stock per-second bars → <c>stock_bars_1s</c>.</summary>
    Seconds,

    /// <summary>Stock minute bars → <c>stock_bars_1m</c>; their first bar is the session's opening price.</summary>
    Minutes,

    /// <summary><c>I:VIX</c> minute bars → <c>index_bars_1m</c>.</summary>
    Vix,

    /// <summary><c>I:SPX</c> minute bars → <c>index_bars_1m</c>.</summary>
    Spx,

    /// <summary>News mentioning the ticker → <c>news</c>, per calendar day.</summary>
    News,

    /// <summary>The contracts listed as of the session, expiring within the discovery window → <c>option_contracts</c>.</summary>
    Contracts,

    /// <summary>The discovered options (<c>option_selection</c>) and their minute bars → <c>option_bars_1m</c>.</summary>
    Options,
}
