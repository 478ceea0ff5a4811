using System.Collections;
using System.Data.Common;

namespace Spx.Research.DuckDb;

/// <summary>The parameters of a <see cref="DuckDbCommand"/>; positional ones bind in list order.</summary>
public sealed class DuckDbParameterCollection : DbParameterCollection
{
    private readonly List<DuckDbParameter> _items = [];

    /// <inheritdoc />
    public override int Count => _items.Count;

    /// <inheritdoc />
    public override object SyncRoot => ((ICollection)_items).SyncRoot;

    /// <summary>The parameter at <paramref name="index"/>.</summary>
    public new DuckDbParameter this[int index]
    {
        get => _items[index];
        set => _items[index] = value;
    }

    /// <summary>Adds a parameter and returns it.</summary>
    public DuckDbParameter Add(DuckDbParameter parameter)
    {
        _items.Add(parameter);
        return parameter;
    }

    /// <summary>Adds a named parameter (<c>$name</c>) with a value.</summary>
    public DuckDbParameter AddWithValue(string name, object? value) => Add(new DuckDbParameter(name, value));

    /// <summary>Adds a positional parameter (the next <c>?</c>).</summary>
    public DuckDbParameter AddValue(object? value) => Add(new DuckDbParameter(value));

    /// <inheritdoc />
    public override int Add(object value)
    {
        _items.Add(Cast(value));
        return _items.Count - 1;
    }

    /// <inheritdoc />
    public override void AddRange(Array values)
    {
        foreach (var value in values) Add(value!);
    }

    /// <inheritdoc />
    public override void Clear() => _items.Clear();

    /// <inheritdoc />
    public override bool Contains(object value) => value is DuckDbParameter p && _items.Contains(p);

    /// <inheritdoc />
    public override bool Contains(string value) => IndexOf(value) >= 0;

    /// <inheritdoc />
    public override void CopyTo(Array array, int index) => ((ICollection)_items).CopyTo(array, index);

    /// <inheritdoc />
    public override IEnumerator GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc />
    public override int IndexOf(object value) => value is DuckDbParameter p ? _items.IndexOf(p) : -1;

    /// <inheritdoc />
    public override int IndexOf(string parameterName)
    {
        var bare = new DuckDbParameter(parameterName, null).BareName;
        return _items.FindIndex(p => string.Equals(p.BareName, bare, StringComparison.Ordinal));
    }

    /// <inheritdoc />
    public override void Insert(int index, object value) => _items.Insert(index, Cast(value));

    /// <inheritdoc />
    public override void Remove(object value) => _items.Remove(Cast(value));

    /// <inheritdoc />
    public override void RemoveAt(int index) => _items.RemoveAt(index);

    /// <inheritdoc />
    public override void RemoveAt(string parameterName) => _items.RemoveAt(IndexOrThrow(parameterName));

    /// <inheritdoc />
    protected override DbParameter GetParameter(int index) => _items[index];

    /// <inheritdoc />
    protected override DbParameter GetParameter(string parameterName) => _items[IndexOrThrow(parameterName)];

    /// <inheritdoc />
    protected override void SetParameter(int index, DbParameter value) => _items[index] = Cast(value);

    /// <inheritdoc />
    protected override void SetParameter(string parameterName, DbParameter value) =>
        _items[IndexOrThrow(parameterName)] = Cast(value);

    private int IndexOrThrow(string parameterName)
    {
        var index = IndexOf(parameterName);
        return index >= 0 ? index : throw new IndexOutOfRangeException($"No parameter named '{parameterName}'.");
    }

    private static DuckDbParameter Cast(object value) =>
        value as DuckDbParameter ?? throw new InvalidCastException($"Expected a DuckDbParameter, got {value?.GetType().Name ?? "null"}.");
}
