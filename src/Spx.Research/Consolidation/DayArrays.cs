namespace Spx.Research.Consolidation;

/// <summary>
/// The arrays one consolidation worker reads, builds and writes a date's rows in, kept from date to date
/// (docs/consolidation.md, "Speed"). A generated year allocates about 4 GB of day-sized arrays; allocated afresh,
/// most of their pages were first touched through page faults, because the runtime hands freed large arrays' pages
/// back to the system, and on this project's machines the faults cost more than the arithmetic that filled them.
/// An array handed out may be longer than asked (the batch says its row count); whoever takes one writes every row
/// it uses, so nothing is read from an earlier date.
/// </summary>
internal sealed class DayArrays
{
    private readonly List<Array> _free = [];
    private readonly List<Array> _taken = [];
    private int _capacity;

    /// <summary>An array of at least <paramref name="rows"/> elements, whose contents are unspecified.</summary>
    public T[] Take<T>(int rows)
    {
        if (rows > _capacity) _capacity = rows + rows / 4;
        for (var i = 0; i < _free.Count; i++)
        {
            if (_free[i] is T[] array && array.Length >= rows)
            {
                _free.RemoveAt(i);
                _taken.Add(array);
                return array;
            }
        }
        var fresh = new T[_capacity];
        _taken.Add(fresh);
        return fresh;
    }

    /// <summary>Makes every array taken since the last call available again (the date's batch is written and gone).</summary>
    public void Reset()
    {
        // Arrays shorter than today's capacity would only be skipped: let them go.
        _free.AddRange(_taken.Where(a => a.Length >= _capacity));
        _free.RemoveAll(a => a.Length < _capacity);
        _taken.Clear();
    }
}
