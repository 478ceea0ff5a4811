using System.Runtime.InteropServices;

namespace Spx.Research.DuckDb;

/// <summary>
/// A DuckDB INTERVAL, kept in DuckDB's own three parts because a month has no fixed length: an
/// interval of <c>1 month</c> cannot become a <see cref="TimeSpan"/>. Use <see cref="ToTimeSpan"/>
/// (or <c>reader.GetFieldValue&lt;TimeSpan&gt;</c>) when <see cref="Months"/> is zero.
/// The layout matches <c>duckdb_interval</c> so vectors are read without conversion.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly record struct DuckDbInterval(int Months, int Days, long Micros)
{
    /// <summary>Splits a <see cref="TimeSpan"/> into whole days and the remaining microseconds (sub-µs ticks are dropped).</summary>
    public static DuckDbInterval FromTimeSpan(TimeSpan value) =>
        new(0, value.Days, (value.Ticks - value.Days * TimeSpan.TicksPerDay) / 10);

    /// <summary>Converts to a <see cref="TimeSpan"/> (a day is 24 h); throws when <see cref="Months"/> is not zero.</summary>
    public TimeSpan ToTimeSpan() => Months == 0
        ? new TimeSpan(Days * TimeSpan.TicksPerDay + Micros * 10)
        : throw new InvalidCastException($"INTERVAL of {Months} month(s) has no fixed length and cannot become a TimeSpan.");

    /// <summary>Converts a <see cref="TimeSpan"/>; see <see cref="FromTimeSpan"/>.</summary>
    public static implicit operator DuckDbInterval(TimeSpan value) => FromTimeSpan(value);

    /// <inheritdoc />
    public override string ToString() => $"{Months} months {Days} days {Micros} µs";
}
