namespace Spx.Research.Notebooks.Formats;

/// <summary>A notebook file that cannot be read; the message names the file and the cell or field.</summary>
public sealed class NotebookFormatException(string? path, string problem)
    : Exception(path is null ? problem : $"{path}: {problem}")
{
    public string? Path { get; } = path;

    public string Problem { get; } = problem;
}
