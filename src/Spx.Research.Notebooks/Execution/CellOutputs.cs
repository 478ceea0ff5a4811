using System.Text;

namespace Spx.Research.Notebooks.Execution;

/// <summary>
/// Collects one cell's outputs while it runs, from the cell thread, <c>display</c> calls and console
/// writes on other threads alike: consecutive writes to one stream merge into one output, a display
/// keeps its slot so <see cref="DisplayedValue.Update"/> can replace it, and nothing is accepted once
/// the cell is over (a timed-out cell may still be running).
/// </summary>
internal sealed class CellOutputs(string cellId)
{
    private readonly object _gate = new();
    private readonly List<object> _items = [];
    private bool _sealed;

    public string CellId { get; } = cellId;

    public int Add(CellOutput output)
    {
        lock (_gate)
        {
            if (_sealed) return -1;
            _items.Add(output);
            return _items.Count - 1;
        }
    }

    public void Replace(int slot, CellOutput output)
    {
        lock (_gate)
        {
            if (_sealed || slot < 0 || slot >= _items.Count) return;
            _items[slot] = output;
        }
    }

    public void AppendStream(string name, string text)
    {
        lock (_gate)
        {
            if (_sealed || text.Length == 0) return;
            if (_items.Count > 0 && _items[^1] is StreamBuffer last && last.Name == name) last.Text.Append(text);
            else _items.Add(new StreamBuffer(name, new StringBuilder(text)));
        }
    }

    /// <summary>Stops accepting outputs and returns them in order.</summary>
    public IReadOnlyList<CellOutput> Seal()
    {
        lock (_gate)
        {
            _sealed = true;
            return _items.Select(i => i is StreamBuffer s ? new StreamOutput(s.Name, s.Text.ToString()) : (CellOutput)i).ToArray();
        }
    }

    private sealed record StreamBuffer(string Name, StringBuilder Text);
}
