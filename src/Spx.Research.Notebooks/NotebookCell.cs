using System.Text.Json;

namespace Spx.Research.Notebooks;

/// <summary>
/// One cell as read from a file or produced by a run. Metadata and attachments stay as the JSON they
/// were read as, so an editor's keys (Polyglot's kernel names, VS Code's language ids, tags) survive a
/// read–run–write cycle untouched; the runner only adds its own <c>spx</c> key.
/// </summary>
public sealed record NotebookCell
{
    public required CellKind Kind { get; init; }

    /// <summary>The cell text with <c>\n</c> line ends (a <c>.ipynb</c> list of lines is joined).</summary>
    public required string Source { get; init; }

    /// <summary>The nbformat 4.5 id; null when the file had none (the writer then makes a deterministic one).</summary>
    public string? Id { get; init; }

    /// <summary>Cell <c>metadata</c> verbatim (a JSON object), or null when absent.</summary>
    public JsonElement? Metadata { get; init; }

    /// <summary>Markdown/raw cell <c>attachments</c> verbatim, or null.</summary>
    public JsonElement? Attachments { get; init; }

    /// <summary>Outputs of a code cell, in display order; empty for markdown and raw cells.</summary>
    public IReadOnlyList<CellOutput> Outputs { get; init; } = [];

    public int? ExecutionCount { get; init; }

    /// <summary>Jupyter tags (<c>metadata.tags</c>), e.g. <c>parameters</c>.</summary>
    public IReadOnlyList<string> Tags => Json.Strings(Json.Property(Metadata, "tags"));

    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);

    /// <summary>
    /// The first non-blank line that is not a <c>#!</c> magic (else the first non-blank line), trimmed:
    /// how progress lines and error messages point at a cell.
    /// </summary>
    public string FirstLine
    {
        get
        {
            var lines = Source.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
            return lines.FirstOrDefault(l => !l.StartsWith("#!", StringComparison.Ordinal)) ?? lines.FirstOrDefault() ?? "";
        }
    }

    public static NotebookCell Code(string source, JsonElement? metadata = null) =>
        new() { Kind = CellKind.Code, Source = source, Metadata = metadata };

    public static NotebookCell Markdown(string source, JsonElement? metadata = null) =>
        new() { Kind = CellKind.Markdown, Source = source, Metadata = metadata };
}
