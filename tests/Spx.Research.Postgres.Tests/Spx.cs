using System.Diagnostics;

namespace Spx.Research.Postgres.Tests;

/// <summary>The built <c>spx</c> as its own process (environment variables are per process), and what it printed.</summary>
internal sealed record Spx(int ExitCode, string Output, string Error)
{
    private static readonly string[] SpxVariables = ["SPX_CONFIG", "SPX_LAKE", "SPX_POSTGRES_DSN", "PGPASSWORD", "MASSIVE_API_KEY", "POLYGON_API_KEY"];

    public static Spx Run(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var name in SpxVariables) start.Environment.Remove(name);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "spx.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "spx did not exit");
        return new Spx(process.ExitCode, output.Result, error.Result);
    }

    public static Spx Run(params string[] args) => Run(new Dictionary<string, string>(), args);

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
