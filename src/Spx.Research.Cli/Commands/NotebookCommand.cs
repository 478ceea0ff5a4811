using System.CommandLine;
using System.Globalization;
using Spx.Research.Cli.Parsing;
using Spx.Research.Notebooks.Execution;
using Spx.Research.Notebooks.Formats;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// <c>spx notebook run PATH...</c>: runs notebooks headlessly (C# cells, Roslyn scripting) and writes
/// each executed notebook and an HTML page to the output folder. Each notebook stops at its first
/// failing cell unless <c>--allow-errors</c>; the others still run. Given a folder, the run also removes
/// the pages an earlier run left in the output folder that this one did not write
/// (<see cref="StaleNotebookPages"/>), so the folder holds exactly this run's notebooks. Exit 0 when all
/// succeed, 1 when any failed (the message names the notebook, the cell — numbered over all cells,
/// markdown included — and the error), 2 for a usage error (missing file, bad <c>-p</c>).
/// </summary>
public static class NotebookCommand
{
    // plotly.js from the npm package copied beside the core assembly; read only when a page holds a figure.
    private static readonly Func<string> PlotlyScript = Spx.Research.Reporting.PlotlyJs.ReadBundle;

    public static Command Create()
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Notebooks (.ipynb, .dib, .csx) or folders (every *.ipynb in them, sorted; earlier runs' pages this run did not write are then removed from the output folder)",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Folder for <name>.ipynb and <name>.html (default: artifacts/notebooks under the repository root, else under the current folder)",
        };
        var allowErrors = new Option<bool>("--allow-errors")
        {
            Description = "Run every cell even after one fails; errors are recorded and the notebook counts as run (a timeout still stops it)",
        };
        var parameters = new Option<string[]>("--parameter", "-p")
        {
            Description = "name=value, injected after the cell tagged 'parameters' (or marked '// @parameters'); repeatable",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var cellTimeout = new Option<double>("--cell-timeout")
        {
            Description = "Seconds a single cell may run before it fails the notebook",
            DefaultValueFactory = _ => NotebookRunOptions.DefaultCellTimeout.TotalSeconds,
        };
        cellTimeout.CustomParser = ValueParsers.For(ValueParsers.Number(0, exclusive: true));
        var reproducible = new Option<bool>("--reproducible")
        {
            Description = "Write no times: runs and cells start at SOURCE_DATE_EPOCH (else 1970-01-01) and take 0 s, so the same inputs give the same bytes",
        };
        var run = new Command("run",
            "Run notebooks headlessly and write the executed .ipynb and an .html page for each. A notebook stops at its first failing cell "
            + "(cells are numbered over all cells, markdown included); exit 0 all ok, 1 any notebook failed, 2 usage error")
        {
            paths, output, allowErrors, parameters, cellTimeout, reproducible,
        };
        run.SetAction(async (parse, cancellationToken) =>
        {
            var pathsGiven = parse.GetValue(paths) ?? [];
            var notebooks = Expand(pathsGiven);
            var outputFolder = Path.GetFullPath(parse.GetValue(output) is { Length: > 0 } given ? given : NotebookOutputFolder.Default(Environment.CurrentDirectory));
            CheckOutputs(notebooks, outputFolder);
            var seconds = parse.GetValue(cellTimeout);
            if (!(seconds > 0) || double.IsInfinity(seconds) || seconds > int.MaxValue / 1000) throw new UsageException($"--cell-timeout {seconds.ToString(CultureInfo.InvariantCulture)}: give a positive number of seconds");
            var console = parse.InvocationConfiguration.Output;
            var errors = parse.InvocationConfiguration.Error;
            var verbose = parse.GetValue(CommonOptions.Verbose);
            var progress = new Progress(console, errors);
            var options = new NotebookRunOptions
            {
                AllowErrors = parse.GetValue(allowErrors),
                Parameters = ParseParameters(parse.GetValue(parameters) ?? []),
                CellTimeout = TimeSpan.FromSeconds(seconds),
                Observer = progress,
                PlotlyScript = PlotlyScript,
                Clock = parse.GetValue(reproducible) ? FrozenClock.FromEnvironment() : TimeProvider.System,
            };

            var failed = 0;
            var written = new List<string>();
            foreach (var notebook in notebooks)
            {
                console.WriteLine($"notebook {notebook}");
                try
                {
                    var result = await new NotebookRunner(options).RunFileAsync(notebook, outputFolder, cancellationToken);
                    progress.EndLine();
                    written.AddRange([result.OutputNotebookPath!, result.OutputHtmlPath!]);
                    var outputs = $"{result.OutputNotebookPath}, {Path.GetFileName(result.OutputHtmlPath)}";
                    if (result.Succeeded)
                    {
                        var allowed = result.AllowedErrors.Count;
                        console.WriteLine($"ok {notebook} ({Duration(result.Duration)}{(allowed > 0 ? $", {allowed} cell error(s) allowed" : "")}) -> {outputs}");
                        continue;
                    }
                    failed++;
                    console.WriteLine($"FAILED {notebook} -> {outputs}");
                    errors.WriteLine($"spx: error: {result.FailureMessage}");
                    if (verbose) foreach (var line in result.Failure!.Error!.Traceback) errors.WriteLine($"  {line}");
                }
                catch (NotebookParameterException bad)
                {
                    throw new UsageException(bad.Message);
                }
                catch (Exception e) when (e is NotebookFormatException or IOException or UnauthorizedAccessException or NotImplementedException)
                {
                    progress.EndLine();
                    failed++;
                    console.WriteLine($"FAILED {notebook}");
                    errors.WriteLine($"spx: error: {e.Message}");
                }
            }
            // A folder is a whole set of notebooks: pages of earlier runs that this one did not write are stale.
            if (pathsGiven.Any(path => Directory.Exists(Path.GetFullPath(path))))
            {
                foreach (var stale in StaleNotebookPages.Remove(outputFolder, written)) console.WriteLine($"removed {stale} (not written by this run)");
            }
            if (notebooks.Count > 1) console.WriteLine($"{notebooks.Count - failed} of {notebooks.Count} notebooks ok");
            return failed == 0 ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return new Command("notebook", "Run notebooks headlessly (C# cells) and write executed notebooks and HTML pages") { run };
    }

    /// <summary>Files as given (full paths), folders as their *.ipynb files sorted by name; a missing path is a usage error.</summary>
    private static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var notebooks = new List<string>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                var found = Directory.GetFiles(full, "*.ipynb").Order(StringComparer.Ordinal).ToArray();
                if (found.Length == 0) throw new UsageException($"no .ipynb notebooks in folder {full}");
                notebooks.AddRange(found);
            }
            else if (File.Exists(full))
            {
                if (!NotebookReader.IsSupported(full)) throw new UsageException($"{full}: not a notebook (expected {string.Join(", ", NotebookReader.Extensions)})");
                notebooks.Add(full);
            }
            else
            {
                throw new UsageException($"no such notebook or folder: {full}");
            }
        }
        return notebooks.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Outputs are named after the notebook: two notebooks of one name, or an output onto its source, would lose one.</summary>
    private static void CheckOutputs(IReadOnlyList<string> notebooks, string outputFolder)
    {
        var clash = notebooks.GroupBy(n => Path.GetFileNameWithoutExtension(n), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null) throw new UsageException($"{string.Join(" and ", clash)} would both be written as {clash.Key}.ipynb; run them with different --output folders");
        foreach (var notebook in notebooks)
        {
            var target = Path.Combine(outputFolder, Path.GetFileNameWithoutExtension(notebook) + ".ipynb");
            if (string.Equals(target, notebook, StringComparison.Ordinal)) throw new UsageException($"--output {outputFolder} would overwrite {notebook}; choose another folder");
        }
    }

    private static IReadOnlyList<NotebookParameter> ParseParameters(IEnumerable<string> texts)
    {
        try
        {
            return texts.Select(NotebookParameter.Parse).ToArray();
        }
        catch (NotebookParameterException bad)
        {
            throw new UsageException($"-p: {bad.Message}");
        }
    }

    private static string Duration(TimeSpan span) =>
        span.TotalSeconds >= 1 ? $"{span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s" : $"{span.TotalMilliseconds:0} ms";

    /// <summary>
    /// One line per cell: the label and first line when it starts, its status and duration when it ends
    /// (on the same line unless the cell printed something, which is echoed live in between).
    /// </summary>
    private sealed class Progress(TextWriter output, TextWriter error) : NotebookRunObserver
    {
        private readonly Lock _gate = new();
        private bool _cellLineOpen;
        private bool _atLineStart = true;

        public override void CellStarting(string label, string firstLine)
        {
            lock (_gate)
            {
                EndLineLocked();
                output.Write($"  {label}  {Shorten(firstLine)}");
                _cellLineOpen = true;
                _atLineStart = false;
            }
        }

        public override void CellStream(string label, string stream, string text)
        {
            lock (_gate)
            {
                EndLineLocked();
                if (stream == "stderr")
                {
                    error.Write(text);
                    return;
                }
                output.Write(text);
                _atLineStart = text.EndsWith('\n');
            }
        }

        public override void CellFinished(CellRunResult result)
        {
            if (result.Start is null)
            {
                lock (_gate)
                {
                    EndLineLocked();
                    output.WriteLine($"  {result.Label}  {Shorten(result.FirstLine)}  not run");
                }
                return;
            }
            var status = result.Status switch
            {
                CellStatus.Completed => "ok",
                CellStatus.Skipped => "skipped",
                _ when result.ErrorAllowed => $"error allowed: {result.Error?.EName}",
                _ => $"FAILED: {result.Error?.EName}",
            };
            lock (_gate)
            {
                var text = $"{status} ({Duration(result.Duration)})";
                if (_cellLineOpen) output.WriteLine($"  {text}");
                else
                {
                    if (!_atLineStart) output.WriteLine();
                    output.WriteLine($"  {result.Label}  {text}");
                }
                _cellLineOpen = false;
                _atLineStart = true;
            }
        }

        public override void Warning(string message)
        {
            lock (_gate)
            {
                EndLineLocked();
                error.WriteLine($"spx: warning: {message}");
            }
        }

        private static string Shorten(string line) => line.Length > 70 ? line[..69] + "…" : line;

        /// <summary>Finishes a half-written line before anything else is printed.</summary>
        public void EndLine()
        {
            lock (_gate) EndLineLocked();
        }

        private void EndLineLocked()
        {
            if (_cellLineOpen || !_atLineStart) output.WriteLine();
            _cellLineOpen = false;
            _atLineStart = true;
        }
    }
}
