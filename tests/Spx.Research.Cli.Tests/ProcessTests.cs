using System.Diagnostics;

namespace Spx.Research.Cli.Tests;

/// <summary>The built <c>spx</c> as a user runs it: a separate process, its own exit code and streams.</summary>
public class ProcessTests
{
    private static (int ExitCode, string Output, string Error) RunSpx(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "spx.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "spx did not exit");
        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void Spx_process_answers_a_query_with_no_lake_and_exits_0()
    {
        var (exitCode, output, error) = RunSpx("sql", "select 42 as answer", "--format", "csv", "--lake", Path.Combine(Path.GetTempPath(), "spx-none-" + Guid.NewGuid()));

        Assert.True(exitCode == 0, error);
        Assert.Equal("answer\n42\n", output.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Spx_process_exits_2_on_a_usage_error_and_1_on_a_failure()
    {
        Assert.Equal(2, RunSpx("calendar", "--from", "yesterday", "--to", "2025-01-01").ExitCode);
        Assert.Equal(1, RunSpx("sql", "select from where", "--lake", Path.GetTempPath()).ExitCode);
    }
}
