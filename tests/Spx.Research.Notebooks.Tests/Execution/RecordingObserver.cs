using System.Collections.Concurrent;
using Spx.Research.Notebooks.Execution;

namespace Spx.Research.Notebooks.Tests.Execution;

/// <summary>Remembers what a run reported live, in order.</summary>
internal sealed class RecordingObserver : NotebookRunObserver
{
    public ConcurrentQueue<string> Events { get; } = new();

    public override void CellStarting(string label, string firstLine) => Events.Enqueue($"start {label}: {firstLine}");

    public override void CellStream(string label, string stream, string text) => Events.Enqueue($"{stream} {label}: {text}");

    public override void CellFinished(CellRunResult result) => Events.Enqueue($"end {result.Label}: {result.Status}");

    public override void Warning(string message) => Events.Enqueue($"warning {message}");
}
