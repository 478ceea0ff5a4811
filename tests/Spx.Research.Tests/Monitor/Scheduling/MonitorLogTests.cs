using Spx.Research.Configuration;
using Spx.Research.Monitor.Scheduling;
using static Spx.Research.Tests.Monitor.Scheduling.SchedulerRun;

namespace Spx.Research.Tests.Monitor.Scheduling;

/// <summary>The terminal and the daily files get the same lines; a file per New York date, not per UTC date.</summary>
public sealed class MonitorLogTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spx-monitor-log-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_run_writes_each_line_to_the_terminal_and_to_the_file_of_its_New_York_date()
    {
        // Friday 2025-03-07 20:00 ET = Saturday 01:00 UTC: the line belongs to Friday's file.
        var time = new Spx.Research.Testing.JumpingTime(Utc("2025-03-08T01:00:00Z"));
        var terminal = new StringWriter();
        var log = new MonitorLog(terminal, _folder);

        await new MonitorScheduler(new FakeSteps(time), new MonitorSettings(), log, time).RunAsync(once: true);

        var files = Directory.GetFiles(_folder).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["spx-2025-03-07.log", "spx-2025-03-08.log", "spx-2025-03-10.log"], files);
        var written = files.SelectMany(f => File.ReadAllLines(Path.Combine(_folder, f!))).ToList();
        Assert.Equal(terminal.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries), written);
        Assert.All(File.ReadAllLines(Path.Combine(_folder, "spx-2025-03-07.log")), l => Assert.StartsWith("2025-03-07 20:00:00 ET ", l, StringComparison.Ordinal));
        Assert.StartsWith("2025-03-08 00:00:00 ET info  state: market closed -> weekend", File.ReadAllLines(Path.Combine(_folder, "spx-2025-03-08.log"))[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_deleted_log_file_is_recreated_by_the_next_line()
    {
        var log = new MonitorLog(null, _folder);
        var instant = Utc("2025-03-03T14:45:00Z");
        log.Write(instant, MonitorLogLevel.Info, "one");
        File.Delete(log.FileFor(instant)!);

        log.Write(instant, MonitorLogLevel.Error, "two");

        Assert.Equal(["2025-03-03 09:45:00 ET error two"], File.ReadAllLines(log.FileFor(instant)!));
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(45, "45s")]
    [InlineData(870, "14m 30s")]
    [InlineData(3600, "1h")]
    [InlineData(6300, "1h 45m")]
    [InlineData(165_600, "1d 22h")]
    [InlineData(86_401, "1d")] // the two largest units: the second is dropped
    public void Waits_read_in_their_two_largest_units(int seconds, string text) =>
        Assert.Equal(text, ScheduleText.Wait(TimeSpan.FromSeconds(seconds)));
}
