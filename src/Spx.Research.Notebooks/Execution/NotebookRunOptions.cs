namespace Spx.Research.Notebooks.Execution;

/// <summary>How <see cref="NotebookRunner"/> runs a notebook and writes its outputs.</summary>
public sealed record NotebookRunOptions
{
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Run every cell even after one fails (errors are recorded, the run counts as succeeded, like
    /// nbclient's <c>allow_errors</c>). A timed-out cell still stops the run: it may still be running.
    /// </summary>
    public bool AllowErrors { get; init; }

    /// <summary><c>-p name=value</c> pairs: injected after the parameters cell and available as <c>Parameters</c>.</summary>
    public IReadOnlyList<NotebookParameter> Parameters { get; init; } = [];

    /// <summary>Longest a single cell (compile included) may run before it fails with <c>CellTimeout</c>.</summary>
    public TimeSpan CellTimeout { get; init; } = DefaultCellTimeout;

    public NotebookRunObserver? Observer { get; init; }

    /// <summary>
    /// Returns plotly.js (the minified bundle text) for the HTML page; called at most once per page and
    /// only when an output holds a plotly figure. Null: figures fall back to their <c>text/html</c>.
    /// </summary>
    public Func<string>? PlotlyScript { get; init; }

    /// <summary>
    /// Make the notebook's folder the process working directory while it runs, as VS Code does, so
    /// relative paths in cells mean the same in both. Process-wide: runs that do it take turns.
    /// </summary>
    public bool UseNotebookDirectory { get; init; } = true;

    /// <summary>
    /// Where run and cell times come from. A <see cref="FrozenClock"/> makes them constant, so the same
    /// notebook on the same inputs writes the same bytes (<c>spx notebook run --reproducible</c>).
    /// </summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
