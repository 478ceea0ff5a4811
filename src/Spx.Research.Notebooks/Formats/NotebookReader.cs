namespace Spx.Research.Notebooks.Formats;

/// <summary>Reads <c>.ipynb</c>, <c>.dib</c> and <c>.csx</c> files into a <see cref="Notebook"/>, chosen by extension.</summary>
public static class NotebookReader
{
    /// <summary>The extensions <see cref="Read"/> understands, lower case with the dot.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".ipynb", ".dib", ".csx"];

    public static bool IsSupported(string path) =>
        Extensions.Contains(System.IO.Path.GetExtension(path).ToLowerInvariant());

    public static Notebook Read(string path)
    {
        var text = File.ReadAllText(path);
        return System.IO.Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".ipynb" => IpynbReader.Parse(text, path),
            ".dib" => DibReader.Parse(text),
            ".csx" => CsxReader.Parse(text),
            var other => throw new NotebookFormatException(path, $"unsupported notebook type '{other}' (expected {string.Join(", ", Extensions)})"),
        };
    }
}
