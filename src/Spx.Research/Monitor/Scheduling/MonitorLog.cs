using System.Globalization;
using Spx.Research.Market;

namespace Spx.Research.Monitor.Scheduling;

/// <summary>
/// The scheduler's log: each line to the terminal and to a daily file <c>spx-YYYY-MM-DD.log</c> (New York
/// date of the line's instant) in one folder, the same text in both. Lines are stamped in New York time
/// because that is the clock the market's schedule is written in. A line is appended and the file closed
/// at once, so a log rotated or deleted under a running monitor is simply recreated.
/// </summary>
public sealed class MonitorLog : IMonitorLog
{
    private readonly TextWriter? _terminal;
    private readonly string? _folder;
    private readonly Lock _gate = new();

    /// <param name="terminal">Where lines are echoed (the console); null for none.</param>
    /// <param name="folder">Folder of the daily files (created when missing); null for none.</param>
    public MonitorLog(TextWriter? terminal, string? folder)
    {
        _terminal = terminal;
        _folder = folder;
        if (folder is not null) Directory.CreateDirectory(folder);
    }

    /// <summary>The daily file a line at <paramref name="instant"/> goes to.</summary>
    public string? FileFor(DateTimeOffset instant) =>
        _folder is null ? null : Path.Combine(_folder, FileName(NewYorkTime.LocalDate(instant)));

    /// <summary><c>spx-2025-03-03.log</c>.</summary>
    public static string FileName(DateOnly newYorkDate) =>
        string.Create(CultureInfo.InvariantCulture, $"spx-{newYorkDate:yyyy-MM-dd}.log");

    /// <summary>The line as written: <c>2025-03-03 09:45:00 ET info  poll 09:45 ET: …</c>.</summary>
    public static string Format(DateTimeOffset instant, MonitorLogLevel level, string message) =>
        string.Create(CultureInfo.InvariantCulture, $"{NewYorkTime.ToLocal(instant):yyyy-MM-dd HH:mm:ss} ET {Tag(level)} {message}");

    /// <inheritdoc />
    public void Write(DateTimeOffset instant, MonitorLogLevel level, string message)
    {
        var line = Format(instant, level, message);
        lock (_gate)
        {
            _terminal?.WriteLine(line);
            _terminal?.Flush();
            if (FileFor(instant) is { } file) File.AppendAllText(file, line + Environment.NewLine);
        }
    }

    private static string Tag(MonitorLogLevel level) => level switch
    {
        MonitorLogLevel.Info => "info ",
        MonitorLogLevel.Warning => "warn ",
        MonitorLogLevel.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown log level."),
    };
}
