namespace Spx.Research.Reporting;

/// <summary>
/// Formats a <see cref="Figure"/> as one MIME type, in the shape the notebook formatter convention expects
/// (<see cref="TypeFormatterSourceAttribute"/>): <see cref="MimeType"/>, <see cref="Type"/> and
/// <see cref="Format"/>. Made by <see cref="FigureFormatterSource"/>.
/// </summary>
public sealed class FigureFormatter
{
    private readonly Action<Figure, TextWriter> _write;

    internal FigureFormatter(string mimeType, Action<Figure, TextWriter> write)
    {
        MimeType = mimeType;
        _write = write;
    }

    /// <summary>The MIME type written.</summary>
    public string MimeType { get; }

    /// <summary>The type formatted: <see cref="Figure"/>.</summary>
    public Type Type => typeof(Figure);

    /// <summary>Writes <paramref name="instance"/> if it is a <see cref="Figure"/>; returns false (writing nothing) otherwise.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (instance is not Figure figure)
            return false;
        _write(figure, writer);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(Figure)} as {MimeType}";
}
