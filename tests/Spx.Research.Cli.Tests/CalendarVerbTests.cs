using System.Text.Json;

namespace Spx.Research.Cli.Tests;

public class CalendarVerbTests
{
    [Fact]
    public void Csv_lists_one_row_per_session_with_utc_instants_and_the_july_3_early_close()
    {
        var run = CliRun.Of("calendar", "--from", "2024-07-01", "--to", "2024-07-07", "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                "date,open_utc,close_utc,early_close",
                "2024-07-01,2024-07-01T13:30:00Z,2024-07-01T20:00:00Z,false",
                "2024-07-02,2024-07-02T13:30:00Z,2024-07-02T20:00:00Z,false",
                "2024-07-03,2024-07-03T13:30:00Z,2024-07-03T17:00:00Z,true",
                "2024-07-05,2024-07-05T13:30:00Z,2024-07-05T20:00:00Z,false",
            ],
            run.OutputLines);
    }

    [Fact]
    public void Csv_uses_winter_hours_after_the_november_dst_switch()
    {
        var run = CliRun.Of("calendar", "--from", "2026-11-02", "--to", "2026-11-02", "--format", "csv");

        Assert.Equal("2026-11-02,2026-11-02T14:30:00Z,2026-11-02T21:00:00Z,false", run.OutputLines[1]);
    }

    [Fact]
    public void Four_years_of_sessions_match_the_published_holiday_counts()
    {
        // 2024: 252, 2025: 250, 2026: 251, 2027: 251 sessions (weekdays less the weekday holidays in
        // docs/market-calendar.md, Carter's 2025-01-09 closure included).
        var run = CliRun.Of("calendar", "--from", "2024-01-01", "--to", "2027-12-31", "--format", "csv");

        var years = run.OutputLines.Skip(1).GroupBy(l => l[..4]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["2024"] = 252, ["2025"] = 250, ["2026"] = 251, ["2027"] = 251 }, years);
    }

    [Fact]
    public void Json_is_an_array_of_objects_with_boolean_early_close()
    {
        var run = CliRun.Of("calendar", "--from", "2025-11-28", "--to", "2025-11-28", "--format", "json");

        using var json = JsonDocument.Parse(run.Output);
        var session = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("2025-11-28", session.GetProperty("date").GetString());
        Assert.Equal("2025-11-28T18:00:00Z", session.GetProperty("close_utc").GetString());
        Assert.True(session.GetProperty("early_close").GetBoolean());
    }

    [Fact]
    public void Table_format_shows_the_columns_and_a_row_count()
    {
        var run = CliRun.Of("calendar", "--from", "2025-01-08", "--to", "2025-01-10");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("open_utc", run.Output);
        Assert.Contains("2025-01-08", run.Output);
        Assert.DoesNotContain("2025-01-09", run.Output); // national day of mourning: no session
        Assert.Contains("(2 rows)", run.Output);
    }

    [Fact]
    public void Reversed_range_is_a_usage_error()
    {
        var run = CliRun.Of("calendar", "--from", "2025-02-01", "--to", "2025-01-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--to 2025-01-01 is before --from 2025-02-01", run.Error);
    }

    [Theory]
    [InlineData("calendar", "--from", "2025-13-01", "--to", "2025-12-31")]
    [InlineData("calendar", "--to", "2025-12-31")]
    [InlineData("calendar", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "xml")]
    [InlineData("no-such-verb")]
    public void Malformed_command_lines_exit_with_2_and_say_what_is_wrong(params string[] args)
    {
        var run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("spx: ", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void Dates_outside_the_calendar_range_are_a_usage_error_on_one_line()
    {
        var run = CliRun.Of("calendar", "--from", "1985-01-01", "--to", "1985-01-31");

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("spx: --from '1985-01-01' is outside the NYSE calendar's range, 1990-01-01..2030-12-31", line);
    }
}
