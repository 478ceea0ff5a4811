using DuckDB.NET.Data;
using Spx.Research.Lake;

namespace Spx.Research.Consolidation;

/// <summary>
/// The market around each distinct bar start of a date (spot, VIX, the latest news), from DuckDB's as-of joins
/// (<see cref="ConsolidationQueries.Context"/>), with a lookup from a bar's start to its context row.
/// </summary>
internal sealed class DayContext
{
    private readonly Dictionary<long, int> _rowOf;

    private DayContext(DuckDbColumnarResult context)
    {
        var starts = context.GetColumn<long>("ts_us");
        _rowOf = new Dictionary<long, int>(starts.Length);
        for (var i = 0; i < starts.Length; i++) _rowOf.Add(starts[i], i);
        Spot = context.GetColumn<double>("spot");
        SpotNull = context.GetNullMask("spot");
        Vix = context.GetColumn<double>("vix");
        VixNull = context.GetNullMask("vix");
        NewsId = context.GetStrings("news_id");
        NewsSentiment = context.GetStrings("news_sentiment");
    }

    public double[] Spot { get; }

    public bool[] SpotNull { get; }

    public double[] Vix { get; }

    public bool[] VixNull { get; }

    public string?[] NewsId { get; }

    public string?[] NewsSentiment { get; }

    /// <summary>The context row of the bar starting at <paramref name="tsMicros"/> (every bar start of the date has one).</summary>
    public int RowOf(long tsMicros) => _rowOf[tsMicros];

    /// <summary>Runs the as-of alignment of one date (the news table must exist on <paramref name="connection"/>).</summary>
    public static DayContext Read(DuckDBConnection connection, ConsolidationInputs inputs, string underlying) =>
        new(connection.ExecuteColumnar(ConsolidationQueries.Context(inputs, underlying)));
}
