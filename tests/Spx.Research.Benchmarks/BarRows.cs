using Spx.Research.Lake;
using static Spx.Research.Lake.DatasetColumn;

namespace Spx.Research.Benchmarks;

/// <summary>
/// Ten million eight-column bar rows held in arrays before timing starts, so a benchmark measures
/// moving rows into DuckDB, not making them. The same values are what <see cref="NativeSql"/> makes.
/// </summary>
public sealed class BarRows
{
    public const int Count = 10_000_000;
    public static readonly string[] Tickers = ["SPY", "QQQ", "IWM", "DIA"];
    public static readonly DateTime Start = new(2025, 1, 2, 14, 30, 0, DateTimeKind.Utc);

    /// <summary>2 ms apart: all 10 M rows fall inside one New York session date, as one lake partition must.</summary>
    private const long StepTicks = 2 * TimeSpan.TicksPerMillisecond;

    /// <summary>The rows as a lake dataset: the columns of <see cref="TableDdl"/>, keyed by ticker and ts.</summary>
    public static readonly DatasetSchema Schema = new(
        "bench_bars",
        "Benchmark bars: the eight columns of BarRows.",
        [
            Required("ticker", "VARCHAR"), Required("ts", "TIMESTAMPTZ"),
            Required("open", "DOUBLE"), Required("high", "DOUBLE"), Required("low", "DOUBLE"), Required("close", "DOUBLE"),
            Required("volume", "BIGINT"), Required("vwap", "DOUBLE"),
        ],
        key: ["ticker", "ts"],
        sessionDateColumn: "ts");

    public const string TableDdl =
        "CREATE OR REPLACE TABLE bars (ticker VARCHAR, ts TIMESTAMPTZ, open DOUBLE, high DOUBLE, low DOUBLE, close DOUBLE, volume BIGINT, vwap DOUBLE)";

    /// <summary>The same rows generated inside DuckDB: the native ceiling for every comparison.</summary>
    public const string NativeSql = """
        SELECT ['SPY','QQQ','IWM','DIA'][(i % 4) + 1],
               TIMESTAMPTZ '2025-01-02 14:30:00+00' + to_microseconds(i * 2000),
               500 + (i % 1000) * 0.01, 501 + (i % 1000) * 0.01, 499 + (i % 1000) * 0.01, 500.5 + (i % 1000) * 0.01,
               i % 10000, 500.25 + (i % 1000) * 0.01
        FROM range(10000000) t(i)
        """;

    public string[] Ticker { get; } = new string[Count];
    public DateTime[] Ts { get; } = new DateTime[Count];
    public double[] Open { get; } = new double[Count];
    public double[] High { get; } = new double[Count];
    public double[] Low { get; } = new double[Count];
    public double[] Close { get; } = new double[Count];
    public long[] Volume { get; } = new long[Count];
    public double[] Vwap { get; } = new double[Count];

    public BarRows()
    {
        for (var i = 0; i < Count; i++)
        {
            var step = (i % 1000) * 0.01;
            Ticker[i] = Tickers[i % 4];
            Ts[i] = Start.AddTicks(i * StepTicks);
            Open[i] = 500 + step;
            High[i] = 501 + step;
            Low[i] = 499 + step;
            Close[i] = 500.5 + step;
            Volume[i] = i % 10000;
            Vwap[i] = 500.25 + step;
        }
    }
}
