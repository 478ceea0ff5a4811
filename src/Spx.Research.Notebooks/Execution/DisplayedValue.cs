namespace Spx.Research.Notebooks.Execution;

/// <summary>
/// What <c>display(...)</c> returns, as in Polyglot: a handle on that one output, so a cell can show a
/// value and later replace it in place (<see cref="Update"/>) — a progress line, say — instead of
/// appending a new output each time.
/// </summary>
public sealed class DisplayedValue
{
    private readonly CellOutputs _outputs;
    private readonly int _slot;
    private readonly string[] _mimeTypes;

    internal DisplayedValue(CellOutputs outputs, int slot, string[] mimeTypes, string displayId)
    {
        _outputs = outputs;
        _slot = slot;
        _mimeTypes = mimeTypes;
        DisplayId = displayId;
    }

    /// <summary>Unique within a run (Polyglot uses a GUID; ours is the cell id and a counter).</summary>
    public string DisplayId { get; }

    /// <summary>Replaces the displayed output with <paramref name="value"/>, formatted for the same MIME types.</summary>
    public void Update(object? value) =>
        _outputs.Replace(_slot, new DisplayDataOutput(MimeFormatter.Format(value, _mimeTypes)));
}
