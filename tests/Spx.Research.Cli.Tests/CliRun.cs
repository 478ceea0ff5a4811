using System.Diagnostics;

namespace Spx.Research.Cli.Tests;

/// <summary>Runs <c>spx</c> in-process (or as its own process, for the environment) and captures what a user would see.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Variables that change what spx does; a process run starts without them unless the test sets them.</summary>
    private static readonly string[] SpxVariables = ["SPX_CONFIG", "SPX_LAKE", "MASSIVE_API_KEY", "POLYGON_API_KEY"];

    /// <summary>
    /// The built spx as a separate process in <paramref name="workingDirectory"/> with <paramref name="environment"/>
    /// set (and the other spx variables unset): environment variables are per process, so tests cannot race on them.
    /// </summary>
    public static CliRun Process(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var name in SpxVariables) start.Environment.Remove(name);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "spx.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "spx did not exit");
        return new CliRun(process.ExitCode, output.Result.Replace("\r\n", "\n"), error.Result.Replace("\r\n", "\n"));
    }

    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = SpxApp.Run(args, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
