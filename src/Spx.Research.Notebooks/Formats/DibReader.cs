using System.Text.Json;

namespace Spx.Research.Notebooks.Formats;

/// <summary>
/// Reads Polyglot's plain-text <c>.dib</c> (docs/notebooks-and-cake.md §1.2, after .NET Interactive's <c>CodeSubmission</c>): an
/// optional <c>#!meta</c> section holding JSON with <c>kernelInfo</c>, then cells that each start with a
/// kernel selector line such as <c>#!csharp</c> or <c>#!markdown</c>. A <c>#!name</c> line splits only
/// when the name is a known kernel or alias; other <c>#!</c> lines (<c>#!time</c>) stay in the cell as
/// magics. Text before the first selector belongs to the default kernel; blank edge lines are trimmed.
/// A <c>.dib</c> has no outputs.
/// </summary>
public static class DibReader
{
    public static Notebook Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var at = 0;
        JsonElement? kernelInfo = null;
        while (at < lines.Length && lines[at].Trim().Length == 0) at++;
        if (at < lines.Length && lines[at].TrimEnd() == "#!meta")
        {
            var json = new List<string>();
            for (at++; at < lines.Length && !IsSelector(lines[at], null); at++) json.Add(lines[at]);
            var meta = Json.TryParse(string.Join('\n', json))
                ?? throw new NotebookFormatException(null, "the #!meta section of the .dib is not valid JSON");
            kernelInfo = Json.Property(meta, "kernelInfo");
        }

        var notebookMetadata = PolyglotMetadata.Notebook(kernelInfo);
        var cells = new List<NotebookCell>();
        var kernel = NotebookKernels.DefaultKernel(notebookMetadata);
        var buffer = new List<string>();
        var explicitSelector = false;
        for (; at < lines.Length; at++)
        {
            if (IsSelector(lines[at], notebookMetadata))
            {
                Flush();
                kernel = NotebookKernels.Normalize(NotebookKernels.Selector(lines[at])!, notebookMetadata);
                explicitSelector = true;
            }
            else
            {
                buffer.Add(lines[at]);
            }
        }
        Flush();
        return new Notebook { Cells = cells, Metadata = notebookMetadata };

        void Flush()
        {
            var first = buffer.FindIndex(l => l.Trim().Length > 0);
            var last = buffer.FindLastIndex(l => l.Trim().Length > 0);
            var source = first < 0 ? "" : string.Join('\n', buffer.Skip(first).Take(last - first + 1));
            buffer.Clear();
            if (source.Length == 0 && !explicitSelector) return;
            cells.Add(kernel == NotebookKernels.Markdown
                ? NotebookCell.Markdown(source)
                : NotebookCell.Code(source, PolyglotMetadata.Cell(kernel)));
        }
    }

    private static bool IsSelector(string line, JsonElement? notebookMetadata) =>
        line.StartsWith("#!", StringComparison.Ordinal)
        && NotebookKernels.Selector(line) is { } name
        && (notebookMetadata is null ? NotebookKernels.IsKnown(name) : NotebookKernels.IsKnown(name, notebookMetadata));
}
