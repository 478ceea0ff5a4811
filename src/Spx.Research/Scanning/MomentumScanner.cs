using DuckDB.NET.Data;
using Spx.Research.Lake;

namespace Spx.Research.Scanning;

/// <summary>
/// Runs the momentum scan on a lake session and reads back the summary, the events and the dates scanned: the runs
/// come from <see cref="MomentumKernelScan"/> (or all-SQL <see cref="MomentumQueries"/> when asked), the underlying's
/// price from <see cref="MomentumTriggers"/>, the terms and the explained move from <see cref="ExplainingMinutes"/> and <see cref="MomentumEventQueries"/>,
/// the summary from SQL over the small tables. This class only orders the steps and reads the rows.
/// </summary>
public static class MomentumScanner
{
    /// <summary>Scans <paramref name="lake"/>'s <c>option_bars_1m</c>; writes nothing to the lake.</summary>
    /// <exception cref="ArgumentException">The options cannot describe a scan (the message names the value).</exception>
    /// <exception cref="LakeNotFoundException">There is no lake at the session's path.</exception>
    public static MomentumScan Run(LakeSession lake, MomentumScanOptions options) => Run(lake, options, MomentumScanPath.Kernel);

    /// <summary>Scans the <paramref name="path"/> way (both give the same scan; <see cref="MomentumScanPath.Sql"/> is the slower reference).</summary>
    /// <inheritdoc cref="Run(LakeSession, MomentumScanOptions)"/>
    public static MomentumScan Run(LakeSession lake, MomentumScanOptions options, MomentumScanPath path)
    {
        options.Validate();
        // The delegate may run twice (a writer swapped a partition meanwhile): it rebuilds the temp tables.
        return lake.Run(connection =>
        {
            FillRuns(connection, options, path, lake.Layout);
            MomentumTriggers.Fill(connection, options);
            ExplainingMinutes.Fill(connection, lake, options);
            connection.ExecuteNonQuery(MomentumEventQueries.CreateEvents(options));
            var summary = ReadSummary(connection, options);
            return new MomentumScan(summary, MomentumEventReader.Read(connection), ReadDates(connection));
        });
    }

    /// <summary>
    /// The contract-days and runs, and the underlying's minute closes (while the kernels read the bars, on the kernel path:
    /// one kernel per core, each over its share of the partitions).
    /// </summary>
    private static void FillRuns(DuckDBConnection connection, MomentumScanOptions options, MomentumScanPath path, LakeLayout layout)
    {
        connection.ExecuteNonQuery(MomentumQueries.CreateTables());
        var minuteCloses = MomentumTriggers.CreateMinuteCloses(options);
        if (path == MomentumScanPath.Kernel)
        {
            var dates = layout.Partitions(FoundationDatasets.OptionBars1m.Name).Where(options.Covers).ToList();
            var ranges = MomentumDateRange.Split(dates, Environment.ProcessorCount);
            MomentumKernelScan.Fill(connection, options, ranges, () => connection.ExecuteNonQuery(minuteCloses));
            return;
        }
        connection.ExecuteNonQuery(MomentumQueries.InsertDays(options));
        connection.ExecuteNonQuery(MomentumQueries.InsertRuns(options));
        connection.ExecuteNonQuery(minuteCloses);
    }

    private static MomentumSummary ReadSummary(DuckDBConnection connection, MomentumScanOptions options)
    {
        using var reader = connection.ExecuteReader(MomentumQueries.Summary());
        reader.Read();
        return new MomentumSummary
        {
            Options = options,
            ContractDays = reader.GetInt64(0),
            Bars = reader.GetInt64(1),
            Events = reader.GetInt64(2),
            EventsPerContractDay = new MomentumSummary.Spread(Long(reader, 3), Double(reader, 4), Long(reader, 5)),
            MinutesAbove = reader.GetInt64(6),
            Duration = new MomentumSummary.DurationStats(Double(reader, 7), Double(reader, 8)),
            HourDistribution = ReadHours(connection),
        };
    }

    private static List<MomentumSummary.HourCount> ReadHours(DuckDBConnection connection)
    {
        using var reader = connection.ExecuteReader(MomentumQueries.Hours());
        var hours = new List<MomentumSummary.HourCount>();
        while (reader.Read()) hours.Add(new MomentumSummary.HourCount(reader.GetInt32(0), reader.GetInt64(1)));
        return hours;
    }

    private static List<DateOnly> ReadDates(DuckDBConnection connection)
    {
        using var reader = connection.ExecuteReader(MomentumQueries.Dates());
        var dates = new List<DateOnly>();
        while (reader.Read()) dates.Add(DateOnly.FromDateTime(reader.GetDateTime(0)));
        return dates;
    }

    private static long? Long(DuckDBDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    private static double? Double(DuckDBDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
