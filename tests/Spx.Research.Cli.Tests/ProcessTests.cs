using System.Diagnostics;

namespace Spx.Research.Cli.Tests;

/// <summary>The built <c>spx</c> as a user runs it: a separate process, its own exit code and streams.</summary>
public class ProcessTests
{
    private static (int ExitCode, string Output, string Error) RunSpx(params string[] args) => RunSpxIn(null, null, args);

    /// <summary>Runs spx in <paramref name="workingDirectory"/> with <c>SPX_LAKE</c> set to <paramref name="lakeVariable"/> (or unset).</summary>
    private static (int ExitCode, string Output, string Error) RunSpxIn(string? workingDirectory, string? lakeVariable, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        if (lakeVariable is null) start.Environment.Remove("SPX_LAKE");
        else start.Environment["SPX_LAKE"] = lakeVariable;
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

    [Fact]
    public void Spx_process_fails_a_dataset_query_where_no_lake_is_and_still_answers_select_42()
    {
        var fresh = Directory.CreateTempSubdirectory("spx-fresh-clone-").FullName;
        try
        {
            var defaultLake = Path.Combine(fresh, "data", "lake");
            var byDefault = RunSpxIn(fresh, null, "sql", "select date, count(*) from stock_bars_1m group by all order by date", "--format", "csv");
            Assert.Equal(1, byDefault.ExitCode);
            Assert.StartsWith($"spx: error: no lake at {defaultLake} (no such folder)", byDefault.Error);
            Assert.Equal("", byDefault.Output);

            var byVariable = RunSpxIn(fresh, Path.Combine(fresh, "elsewhere"), "sql", "select count(*) from news");
            Assert.Equal(1, byVariable.ExitCode);
            Assert.StartsWith($"spx: error: no lake at {Path.Combine(fresh, "elsewhere")} (no such folder)", byVariable.Error);

            var answer = RunSpxIn(fresh, null, "sql", "select 42 as answer", "--format", "csv");
            Assert.True(answer.ExitCode == 0, answer.Error);
            Assert.Equal("answer\n42\n", answer.Output.Replace("\r\n", "\n"));
        }
        finally
        {
            Directory.Delete(fresh, recursive: true);
        }
    }
}
