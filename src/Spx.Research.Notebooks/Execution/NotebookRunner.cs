using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spx.Research.Notebooks.Formats;
using Spx.Research.Notebooks.Html;

namespace Spx.Research.Notebooks.Execution;

/// <summary>
/// Runs a notebook headlessly: C# cells in order on one Roslyn state chain, each with a timeout, its
/// console output captured (and passed live to the observer), its displays and trailing value
/// formatted into MIME bundles. Stops at the first failing cell unless errors are allowed; the
/// executed notebook is produced either way — outputs, an <c>error</c> output on the failing cell,
/// per-cell <c>metadata.spx</c> (status, start, end, duration), run metadata, and a banner cell at
/// the top naming the failure — because the executed notebook is the log of the run.
/// </summary>
public sealed class NotebookRunner(NotebookRunOptions? options = null)
{
    /// <summary>Tag of the banner cell a failed run puts at the top; such cells are dropped when the notebook is run again.</summary>
    public const string ErrorCellTag = "spx-error-cell";

    /// <summary>A cell tagged so is expected to throw (nbmake's tag): its error is recorded and the run goes on.</summary>
    public const string RaisesExceptionTag = "raises-exception";

    /// <summary>The notebook and cell metadata key the runner writes.</summary>
    public const string MetadataKey = "spx";

    /// <summary>The working directory is process-wide: runs that set it take turns.</summary>
    private static readonly SemaphoreSlim WorkingDirectoryGate = new(1, 1);

    public NotebookRunOptions Options { get; } = options ?? new NotebookRunOptions();

    /// <summary>
    /// Reads <paramref name="path"/> (<c>.ipynb</c>, <c>.dib</c>, <c>.csx</c>), runs it, and writes
    /// <c>&lt;name&gt;.ipynb</c> and <c>&lt;name&gt;.html</c> into <paramref name="outputDirectory"/> — also when a cell failed.
    /// </summary>
    public async Task<NotebookRunResult> RunFileAsync(string path, string outputDirectory, CancellationToken cancellationToken = default)
    {
        var source = Path.GetFullPath(path);
        var name = Path.GetFileNameWithoutExtension(source);
        var ipynb = Path.GetFullPath(Path.Combine(outputDirectory, name + ".ipynb"));
        var html = Path.GetFullPath(Path.Combine(outputDirectory, name + ".html"));
        if (string.Equals(ipynb, source, StringComparison.Ordinal))
        {
            throw new IOException($"{source}: the output would overwrite the notebook itself; choose another output folder");
        }
        var notebook = NotebookReader.Read(source);
        var result = await RunAsync(notebook, source, cancellationToken).ConfigureAwait(false);
        IpynbWriter.WriteFile(result.Notebook, ipynb);
        NotebookHtmlWriter.WriteFile(result.Notebook, html, name, Options.PlotlyScript);
        return result with { OutputNotebookPath = ipynb, OutputHtmlPath = html };
    }

    /// <summary>Runs <paramref name="notebook"/>; <paramref name="path"/> (if any) sets the folder <c>#r</c>/<c>#load</c> resolve against and names it in messages.</summary>
    public async Task<NotebookRunResult> RunAsync(Notebook notebook, string? path = null, CancellationToken cancellationToken = default)
    {
        var fullPath = path is null ? null : Path.GetFullPath(path);
        var directory = fullPath is null ? Environment.CurrentDirectory : Path.GetDirectoryName(fullPath)!;
        var name = fullPath ?? "notebook";
        var warnings = new List<string>();
        var plan = Plan(notebook, warnings);
        var sourceCount = notebook.Cells.Count(c => !c.HasTag(ErrorCellTag));

        // A notebook run from memory under a made-up path has no folder to move into.
        var moveDirectory = Options.UseNotebookDirectory && Directory.Exists(directory);
        if (moveDirectory) await WorkingDirectoryGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var previousDirectory = Environment.CurrentDirectory;
        try
        {
            if (moveDirectory) Environment.CurrentDirectory = directory;
            using var console = ConsoleCapture.Install();
            var parameters = Options.Parameters.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
            var session = new ScriptSession(directory, new NotebookGlobals(parameters, fullPath));
            Options.Observer?.NotebookStarting(name, plan.Count(p => p.Cell.Kind == CellKind.Code));

            var start = Options.Clock.GetUtcNow();
            var cells = new List<NotebookCell>();
            var results = new List<CellRunResult>();
            CellRunResult? failure = null;
            var executionCount = 0;
            foreach (var planned in plan)
            {
                var cell = planned.Cell;
                if (cell.Kind != CellKind.Code)
                {
                    cells.Add(cell);
                    continue;
                }
                var result = new CellRunResult
                {
                    Index = cells.Count,
                    Number = planned.Number,
                    SourceCellCount = sourceCount,
                    FirstLine = cell.FirstLine,
                    Status = CellStatus.Skipped,
                };
                if (failure is not null)
                {
                    cells.Add(cell with { Outputs = [], ExecutionCount = null, Metadata = WithRunMetadata(cell.Metadata, result) });
                    results.Add(result);
                    Options.Observer?.CellFinished(result);
                    continue;
                }
                var (executed, ran, stop) = await RunCellAsync(session, notebook, cell, result, ++executionCount, name, cancellationToken).ConfigureAwait(false);
                warnings.AddRange(ran.Warnings);
                cells.Add(executed);
                results.Add(ran);
                Options.Observer?.CellFinished(ran);
                if (stop) failure = ran;
            }
            var end = Options.Clock.GetUtcNow();
            if (results.Any(r => r.Error is not null)) cells.Insert(0, Banner(results, failure, cells));
            var executedNotebook = notebook with
            {
                Cells = cells,
                Metadata = Json.With(notebook.Metadata, MetadataKey, RunMetadata(start, end, failure, parameters, sourceCount)),
                FormatMajor = 4,
                FormatMinor = 5,
            };
            return new NotebookRunResult
            {
                Notebook = executedNotebook,
                SourcePath = fullPath,
                Cells = results,
                Failure = failure,
                Start = start,
                End = end,
                Warnings = warnings,
            };
        }
        finally
        {
            if (moveDirectory)
            {
                try { Environment.CurrentDirectory = previousDirectory; }
                catch (IOException) { /* the old folder is gone; stay where we are */ }
                finally { WorkingDirectoryGate.Release(); }
            }
        }
    }

    /// <summary>One cell of the run plan; <see cref="Number"/> is its place in the source notebook (null: injected).</summary>
    private sealed record Planned(NotebookCell Cell, int? Number);

    /// <summary>The cells to run: earlier banners dropped, parameters injected, every cell given an id.</summary>
    private List<Planned> Plan(Notebook notebook, List<string> warnings)
    {
        var plan = notebook.Cells.Where(c => !c.HasTag(ErrorCellTag)).Select((c, i) => new Planned(c, i + 1)).ToList();
        if (Options.Parameters.Count > 0)
        {
            var cells = plan.Select(p => p.Cell).ToArray();
            var at = ParameterCells.FindParametersCell(cells);
            var declared = at >= 0 ? ParameterCells.DeclaredTypes(cells[at].Source) : new Dictionary<string, string>();
            if (at < 0)
            {
                Warn(warnings, $"no parameters cell (tag a cell '{ParameterCells.ParametersTag}' or put '{ParameterCells.Marker}' in it): parameters injected before the first cell");
            }
            foreach (var undeclared in Options.Parameters.Select(p => p.Name).Distinct().Where(n => at >= 0 && !declared.ContainsKey(n)))
            {
                Warn(warnings, $"parameter '{undeclared}' is not declared in the parameters cell (cell {plan[at].Number}): its type is inferred from the value");
            }
            var metadata = Json.With(PolyglotMetadata.Cell(NotebookKernels.CSharp), "tags", new JsonArray(ParameterCells.InjectedTag));
            var injected = NotebookCell.Code(ParameterCells.InjectedSource(Options.Parameters, declared), metadata);
            var previous = ParameterCells.FindInjectedCell(cells);
            // An earlier run's injected cell is a cell of this file: it is replaced but keeps its number.
            if (previous >= 0) plan[previous] = new Planned(injected with { Id = cells[previous].Id }, plan[previous].Number);
            else plan.Insert(at + 1, new Planned(injected with { Id = ParameterCells.InjectedTag }, null));
        }
        var ids = CellIds.Assign(plan.Select(p => p.Cell).ToArray());
        return plan.Select((p, i) => p with { Cell = p.Cell with { Id = ids[i] } }).ToList();
    }

    private async Task<(NotebookCell Cell, CellRunResult Result, bool Stop)> RunCellAsync(
        ScriptSession session, Notebook notebook, NotebookCell cell, CellRunResult result, int executionCount, string name, CancellationToken cancellationToken)
    {
        var where = $"{result.Label} in {name}";
        var prepared = CellPreprocessor.Prepare(notebook.KernelOf(cell)!, cell.Source, where);
        Options.Observer?.CellStarting(result.Label, cell.FirstLine);
        foreach (var warning in prepared.Warnings) Options.Observer?.Warning(warning);

        var outputs = new CellOutputs(cell.Id!);
        var start = Options.Clock.GetUtcNow();
        var started = Options.Clock.GetTimestamp();
        ErrorOutput? error = null;
        var timedOut = false;
        switch (prepared.Action)
        {
            case CellAction.Fail:
                error = prepared.Error;
                break;
            case CellAction.Markdown:
                outputs.Add(new DisplayDataOutput(MimeBundle.Of(MimeBundle.Markdown, prepared.Code)));
                break;
            case CellAction.Html:
                outputs.Add(new DisplayDataOutput(MimeBundle.Of(MimeBundle.Html, prepared.Code)));
                break;
            case CellAction.Run:
                (error, timedOut) = await ExecuteAsync(session, prepared.Code, outputs, executionCount, result.Label, where, cancellationToken).ConfigureAwait(false);
                break;
        }
        if (prepared.Timed)
        {
            var wallTime = $"Wall time: {Options.Clock.GetElapsedTime(started).TotalMilliseconds.ToString("0.##", CultureInfo.InvariantCulture)} ms\n";
            outputs.AppendStream(StreamOutput.StandardOutput, wallTime);
            Options.Observer?.CellStream(result.Label, StreamOutput.StandardOutput, wallTime);
        }
        var collected = outputs.Seal();
        var allowed = error is not null && !timedOut && (Options.AllowErrors || cell.HasTag(RaisesExceptionTag));
        var ran = result with
        {
            Status = error is not null ? CellStatus.Failed : prepared.Action == CellAction.Skip ? CellStatus.Skipped : CellStatus.Completed,
            Start = start,
            End = start + Options.Clock.GetElapsedTime(started),
            Error = error,
            ErrorAllowed = allowed,
            Warnings = prepared.Warnings,
        };
        var executed = cell with
        {
            Outputs = error is null ? collected : [.. collected, error],
            ExecutionCount = prepared.Action == CellAction.Skip ? null : executionCount,
            Metadata = WithRunMetadata(cell.Metadata, ran),
        };
        return (executed, ran, error is not null && !allowed);
    }

    /// <summary>Compiles and runs one cell under the timeout, with its console routed into <paramref name="outputs"/>.</summary>
    private async Task<(ErrorOutput? Error, bool TimedOut)> ExecuteAsync(
        ScriptSession session, string code, CellOutputs outputs, int executionCount, string label, string where, CancellationToken cancellationToken)
    {
        session.Globals.Enter(outputs);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<SubmissionResult> running;
        using (ConsoleCapture.Route((stream, text) =>
               {
                   outputs.AppendStream(stream, text);
                   Options.Observer?.CellStream(label, stream, text);
               }))
        {
            // Task.Run: a cell that never awaits (a tight loop) must not block the timeout.
            running = Task.Run(() => session.RunAsync(code, cancel.Token), cancel.Token);
        }
        SubmissionResult submission;
        try
        {
            submission = await running.WaitAsync(Options.CellTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await cancel.CancelAsync().ConfigureAwait(false);
            return (ErrorOutputs.Timeout(where, Options.CellTimeout), true);
        }
        if (submission.Errors.Count > 0) return (ErrorOutputs.Compilation(submission.Errors, where), false);
        session.Advance(submission.State!);
        if (submission.Exception is { } exception) return (ErrorOutputs.Exception(exception), false);
        if (submission.ReturnValue is { } value and not DisplayedValue)
        {
            try
            {
                outputs.Add(new ExecuteResultOutput(MimeFormatter.Format(value), executionCount));
            }
            catch (Exception formatting) when (formatting is not OutOfMemoryException)
            {
                return (ErrorOutputs.Exception(formatting), false);
            }
        }
        return (null, false);
    }

    private static JsonElement WithRunMetadata(JsonElement? metadata, CellRunResult result)
    {
        var spx = new JsonObject { ["status"] = result.Status.ToString().ToLowerInvariant() };
        // The number progress and errors use ("cell 4 of 16"), so the HTML page labels the cell the same.
        if (result.Number is { } number) spx[CellNumbers.NumberKey] = number;
        if (result.Start is { } start && result.End is { } end)
        {
            spx["start_time"] = Timestamp(start);
            spx["end_time"] = Timestamp(end);
            spx["duration"] = Math.Round(result.Duration.TotalSeconds, 3);
        }
        if (result.Error is not null)
        {
            spx["exception"] = true;
            if (result.ErrorAllowed) spx["error_allowed"] = true;
        }
        if (result.Warnings.Count > 0) spx["warnings"] = new JsonArray(result.Warnings.Select(w => JsonValue.Create(w)).ToArray<JsonNode?>());
        return Json.With(metadata, MetadataKey, spx);
    }

    private JsonObject RunMetadata(DateTimeOffset start, DateTimeOffset end, CellRunResult? failure, IReadOnlyDictionary<string, string> parameters, int sourceCount)
    {
        var run = new JsonObject
        {
            ["status"] = failure is null ? "completed" : "failed",
            ["start_time"] = Timestamp(start),
            ["end_time"] = Timestamp(end),
            ["duration"] = Math.Round((end - start).TotalSeconds, 3),
            ["allow_errors"] = Options.AllowErrors,
            [CellNumbers.CountKey] = sourceCount,
            ["parameters"] = new JsonObject(parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))),
        };
        if (failure?.Number is { } number) run["failed_cell"] = number;
        return run;
    }

    /// <summary>A markdown cell for the top of the executed notebook naming what failed (replaced on the next run).</summary>
    private static NotebookCell Banner(IReadOnlyList<CellRunResult> results, CellRunResult? failure, IReadOnlyList<NotebookCell> cells)
    {
        string Link(CellRunResult r) => $"[{r.Label}](#{cells[r.Index].Id})";
        string Error(CellRunResult r) => Code($"{r.Error!.EName}: {r.Error.EValue.Split('\n')[0]}");
        var text = failure is not null
            ? $"**Execution failed** at {Link(failure)} ({Code(failure.FirstLine)}):\n\n{Error(failure)}\n\nThe cells after it were not run."
            : "**Cells raised errors** (allowed):\n\n" + string.Join('\n', results.Where(r => r.Error is not null).Select(r => $"- {Link(r)}: {Error(r)}"));
        text += "\n\n<sub>Written by spx notebook run; replaced on the next run.</sub>";
        var metadata = JsonSerializer.SerializeToElement(new JsonObject { ["tags"] = new JsonArray(ErrorCellTag) });
        return NotebookCell.Markdown(text, metadata) with { Id = ErrorCellTag };
    }

    /// <summary>Inline markdown code that survives backticks in the text.</summary>
    private static string Code(string text) => text.Contains('`') ? $"`` {text} ``" : $"`{text}`";

    private static string Timestamp(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private void Warn(List<string> warnings, string message)
    {
        warnings.Add(message);
        Options.Observer?.Warning(message);
    }
}
