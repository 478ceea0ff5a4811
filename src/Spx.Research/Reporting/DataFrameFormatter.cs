using Microsoft.Data.Analysis;

namespace Spx.Research.Reporting;

/// <summary>
/// Formats a <see cref="DataFrame"/> as one MIME type, in the shape the notebook formatter convention expects
/// (<see cref="TypeFormatterSourceAttribute"/>). Made by <see cref="DataFrameFormatterSource"/>.
/// </summary>
public sealed class DataFrameFormatter
{
    private readonly Action<DataFrame, TextWriter> _write;

    internal DataFrameFormatter(string mimeType, Action<DataFrame, TextWriter> write)
    {
        MimeType = mimeType;
        _write = write;
    }

    /// <summary>The MIME type written.</summary>
    public string MimeType { get; }

    /// <summary>Every <see cref="DataFrame"/>, not only <see cref="LakeFrame"/>: Polyglot registers the formatter for this type.</summary>
    public Type Type => typeof(DataFrame);

    /// <summary>Writes <paramref name="instance"/> if it is a <see cref="DataFrame"/>; returns false (writing nothing) otherwise.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (instance is not DataFrame frame)
            return false;
        _write(frame, writer);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(DataFrame)} as {MimeType}";
}
