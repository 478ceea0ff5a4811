namespace Spx.Research.Notebooks.Execution;

/// <summary>
/// The globals every cell sees, with Polyglot's signatures (<c>display</c>, <c>HTML</c>) so a cell runs
/// unchanged in VS Code and here; <see cref="Parameters"/> holds the run's <c>-p name=value</c> pairs.
/// Lower-case names on purpose: they are the names notebooks already call.
/// </summary>
public sealed class NotebookGlobals
{
    private CellOutputs? _current;
    private int _displays;

    internal NotebookGlobals(IReadOnlyDictionary<string, string> parameters, string? notebookPath)
    {
        Parameters = parameters;
        NotebookPath = notebookPath;
    }

    /// <summary>The run's parameters as given (<c>-p name=value</c>), raw strings, whether or not a parameters cell declares them.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>Full path of the notebook being run, or null for one run from memory.</summary>
    public string? NotebookPath { get; }

    /// <summary>Shows <paramref name="value"/> as a new output of the running cell, for the given MIME types or its preferred ones.</summary>
    public DisplayedValue display(object? value, params string[] mimeTypes)
    {
        var outputs = _current ?? throw new InvalidOperationException("display() was called when no cell is running");
        var slot = outputs.Add(new DisplayDataOutput(MimeFormatter.Format(value, mimeTypes)));
        return new DisplayedValue(outputs, slot, mimeTypes, $"{outputs.CellId}-{Interlocked.Increment(ref _displays)}");
    }

    /// <summary>Markup that displays as <c>text/html</c>.</summary>
    public HtmlContent HTML(string content) => new(content);

    internal void Enter(CellOutputs outputs) => _current = outputs;
}
