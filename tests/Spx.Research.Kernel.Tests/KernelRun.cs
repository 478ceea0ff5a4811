using System.Text.Json;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;

namespace Spx.Research.Kernel.Tests;

/// <summary>
/// Runs cells one after the other in one <see cref="PolyglotKernel"/>, with the working directory at the
/// notebook's folder (as VS Code starts the kernel), and checks what every displayed value looks like there.
/// Cells are named like <c>spx notebook run</c> names them: <c>cell N of M</c>, counting every cell of the file.
/// </summary>
internal sealed class KernelRun : IDisposable
{
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";
    public const string HtmlMimeType = "text/html";

    /// <summary>The working directory is process-wide: one kernel run at a time.</summary>
    private static readonly SemaphoreSlim Gate = new(1, 1);

    private readonly CompositeKernel _kernel;
    private readonly string _previousDirectory;

    private KernelRun(string directory)
    {
        _previousDirectory = Environment.CurrentDirectory;
        Environment.CurrentDirectory = directory;
        _kernel = PolyglotKernel.Create();
    }

    public static async Task<KernelRun> StartAsync(string directory)
    {
        await Gate.WaitAsync();
        try
        {
            return new KernelRun(directory);
        }
        catch
        {
            Gate.Release();
            throw;
        }
    }

    /// <summary>Values shown so far (trailing expressions and <c>display</c> calls), with where they came from.</summary>
    public List<Shown> Displays { get; } = [];

    /// <summary>Submits <paramref name="code"/>; throws naming <paramref name="label"/> if the kernel reports a failure.</summary>
    public async Task SubmitAsync(string code, string label)
    {
        var result = await _kernel.SendAsync(new SubmitCode(code, "csharp"));
        if (result.Events.OfType<CommandFailed>().FirstOrDefault() is { } failed)
            throw new KernelCellException($"{label} ({FirstLine(code)}) failed in the .NET Interactive kernel: {failed.Message}");
        foreach (var display in result.Events.OfType<DisplayEvent>().Where(e => e is ReturnValueProduced or DisplayedValueProduced))
        {
            Displays.Add(new Shown(label, display.Value, display.FormattedValues.ToDictionary(f => f.MimeType, f => f.Value)));
        }
    }

    public void Dispose()
    {
        try
        {
            _kernel.Dispose();
            Environment.CurrentDirectory = _previousDirectory;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static string FirstLine(string code) => code.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";

    /// <summary>One displayed value and its formatted MIME types.</summary>
    public sealed record Shown(string Label, object? Value, IReadOnlyDictionary<string, string> Formats)
    {
        public bool IsA(string typeName)
        {
            for (var type = Value?.GetType(); type is not null; type = type.BaseType)
            {
                if (type.FullName == typeName) return true;
            }
            return false;
        }

        /// <summary>Plotly JSON with a <c>data</c> array: what VS Code's plotly renderer draws.</summary>
        public bool HasPlotlyFigure =>
            Formats.TryGetValue(PlotlyMimeType, out var json)
            && JsonDocument.Parse(json).RootElement.TryGetProperty("data", out var data) && data.GetArrayLength() > 0;

        public string Html => Formats.GetValueOrDefault(HtmlMimeType, "");
    }
}

/// <summary>A notebook cell failed in the kernel.</summary>
internal sealed class KernelCellException(string message) : Exception(message);
