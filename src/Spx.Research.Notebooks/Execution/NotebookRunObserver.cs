namespace Spx.Research.Notebooks.Execution;

/// <summary>
/// Live progress of a run, for a console or a log: override what you need. Called on the run's flow,
/// except <see cref="CellStream"/>, which comes from whatever thread the cell writes on.
/// </summary>
public abstract class NotebookRunObserver
{
    public virtual void NotebookStarting(string name, int codeCells) { }

    public virtual void CellStarting(string label, string firstLine) { }

    /// <summary>Text the cell wrote to <c>stdout</c>/<c>stderr</c>, as it is written (it is also kept as a stream output).</summary>
    public virtual void CellStream(string label, string stream, string text) { }

    /// <summary>A cell ended; also called, without <see cref="CellStarting"/> and with no start time, for each cell not run after a failure.</summary>
    public virtual void CellFinished(CellRunResult result) { }

    public virtual void Warning(string message) { }
}
