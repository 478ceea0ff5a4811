using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Spx.Research.EndToEnd.Tests;

/// <summary>
/// The built <c>spx</c> running as its own process (a server or a long run): its output lines as they come,
/// a wait for a line, SIGTERM as systemd sends it, and the exit. Disposing kills what is still running.
/// </summary>
internal sealed class SpxProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _error = new();

    private SpxProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _error.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Starts <c>spx <paramref name="args"/></c> with the simulator's key and no configuration file or lake variable.</summary>
    public static SpxProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.Environment["MASSIVE_API_KEY"] = Loopback.Key;
        start.Environment.Remove("POLYGON_API_KEY");
        start.Environment.Remove("SPX_CONFIG");
        start.Environment.Remove("SPX_LAKE");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "spx.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return new SpxProcess(Process.Start(start)!);
    }

    /// <summary>A port nothing listens on right now (for a server that takes no port 0).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public IReadOnlyList<string> Output => [.. _output];

    public string Error => string.Join('\n', _error);

    public bool HasExited => _process.HasExited;

    /// <summary>The first output line matching <paramref name="wanted"/>; fails with what was printed if the process ends or the patience runs out.</summary>
    public string WaitForLine(Func<string, bool> wanted, TimeSpan patience)
    {
        string? found = null;
        SpinWait.SpinUntil(() => (found = _output.FirstOrDefault(wanted)) is not null || _process.HasExited, patience);
        found ??= _output.FirstOrDefault(wanted);
        return found ?? throw new Xunit.Sdk.XunitException(
            $"spx printed no such line (exited: {_process.HasExited}): {string.Join(" | ", _output)} / stderr: {Error}");
    }

    /// <summary>Sends SIGTERM, as <c>systemctl stop</c> does.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0, $"kill -TERM {_process.Id} failed");
    }

    /// <summary>The exit code, once the process ended within <paramref name="patience"/>.</summary>
    public int WaitForExit(TimeSpan patience)
    {
        Assert.True(_process.WaitForExit(patience), $"spx did not exit within {patience}: {string.Join(" | ", _output)} / stderr: {Error}");
        _process.WaitForExit(); // drains the redirected streams
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
