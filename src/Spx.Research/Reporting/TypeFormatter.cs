namespace Spx.Research.Reporting;

/// <summary>
/// Formats one type as one MIME type, in the shape the notebook formatter convention expects
/// (<see cref="TypeFormatterSourceAttribute"/>): <see cref="MimeType"/>, <see cref="Type"/> and
/// <see cref="Format"/>, which hosts bind by name. Made by <see cref="FigureFormatterSource"/> and
/// <see cref="DataFrameFormatterSource"/>.
/// </summary>
/// <typeparam name="T">The type formatted; hosts register the formatter for it (and its subclasses).</typeparam>
public sealed class TypeFormatter<T>
{
    private readonly Action<T, TextWriter> _write;

    internal TypeFormatter(string mimeType, Action<T, TextWriter> write)
    {
        MimeType = mimeType;
        _write = write;
    }

    /// <summary>The MIME type written.</summary>
    public string MimeType { get; }

    /// <summary>The type formatted: <typeparamref name="T"/>.</summary>
    public Type Type => typeof(T);

    /// <summary>Writes <paramref name="instance"/> if it is a <typeparamref name="T"/>; returns false (writing nothing) otherwise.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (instance is not T value)
            return false;
        _write(value, writer);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{typeof(T).Name} as {MimeType}";
}
