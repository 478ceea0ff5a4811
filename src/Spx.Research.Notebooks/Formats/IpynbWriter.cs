using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Spx.Research.Notebooks.Formats;

/// <summary>
/// Writes nbformat 4.5 the way Jupyter does, so diffs against files saved by Jupyter or VS Code stay
/// small: one-space indent, sorted nbformat keys, non-ASCII text unescaped, multi-line text as a list
/// of lines, a final newline. Metadata is written verbatim (its own key order). Cells without an id
/// get a deterministic one (<see cref="CellIds"/>). JSON MIME values are written as JSON, not strings.
/// </summary>
public static class IpynbWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Notebook notebook)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            WriteNotebook(writer, notebook);
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes to <paramref name="path"/> through a temp file and a rename, so a reader never sees half a notebook.</summary>
    public static void WriteFile(Notebook notebook, string path) => AtomicText.Write(path, Write(notebook));

    private static void WriteNotebook(Utf8JsonWriter writer, Notebook notebook)
    {
        var ids = CellIds.Assign(notebook.Cells);
        writer.WriteStartObject();
        writer.WriteStartArray("cells");
        for (var i = 0; i < notebook.Cells.Count; i++) WriteCell(writer, notebook.Cells[i], ids[i]);
        writer.WriteEndArray();
        writer.WritePropertyName("metadata");
        WriteObject(writer, notebook.Metadata);
        writer.WriteNumber("nbformat", 4);
        writer.WriteNumber("nbformat_minor", 5);
        writer.WriteEndObject();
    }

    private static void WriteCell(Utf8JsonWriter writer, NotebookCell cell, string id)
    {
        writer.WriteStartObject();
        if (cell.Attachments is { } attachments && cell.Kind != CellKind.Code)
        {
            writer.WritePropertyName("attachments");
            attachments.WriteTo(writer);
        }
        writer.WriteString("cell_type", cell.Kind switch
        {
            CellKind.Code => "code",
            CellKind.Markdown => "markdown",
            _ => "raw",
        });
        if (cell.Kind == CellKind.Code)
        {
            if (cell.ExecutionCount is { } count) writer.WriteNumber("execution_count", count);
            else writer.WriteNull("execution_count");
        }
        writer.WriteString("id", id);
        writer.WritePropertyName("metadata");
        WriteObject(writer, cell.Metadata);
        if (cell.Kind == CellKind.Code)
        {
            writer.WriteStartArray("outputs");
            foreach (var output in cell.Outputs) WriteOutput(writer, output);
            writer.WriteEndArray();
        }
        WriteLines(writer, "source", cell.Source);
        writer.WriteEndObject();
    }

    private static void WriteOutput(Utf8JsonWriter writer, CellOutput output)
    {
        writer.WriteStartObject();
        switch (output)
        {
            case StreamOutput stream:
                writer.WriteString("name", stream.Name);
                writer.WriteString("output_type", "stream");
                WriteLines(writer, "text", stream.Text);
                break;
            case DisplayDataOutput display:
                WriteData(writer, display.Data);
                writer.WritePropertyName("metadata");
                WriteObject(writer, display.Metadata);
                writer.WriteString("output_type", "display_data");
                break;
            case ExecuteResultOutput result:
                WriteData(writer, result.Data);
                if (result.ExecutionCount is { } count) writer.WriteNumber("execution_count", count);
                else writer.WriteNull("execution_count");
                writer.WritePropertyName("metadata");
                WriteObject(writer, result.Metadata);
                writer.WriteString("output_type", "execute_result");
                break;
            case ErrorOutput error:
                writer.WriteString("ename", error.EName);
                writer.WriteString("evalue", error.EValue);
                writer.WriteString("output_type", "error");
                writer.WriteStartArray("traceback");
                foreach (var line in error.Traceback) writer.WriteStringValue(line);
                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"unknown output {output.GetType().Name}", nameof(output));
        }
        writer.WriteEndObject();
    }

    private static void WriteData(Utf8JsonWriter writer, MimeBundle data)
    {
        writer.WriteStartObject("data");
        foreach (var (mimeType, value) in data)
        {
            if (value.ValueKind == JsonValueKind.String && !MimeBundle.IsJsonType(mimeType))
            {
                WriteLines(writer, mimeType, value.GetString()!);
            }
            else
            {
                writer.WritePropertyName(mimeType);
                value.WriteTo(writer);
            }
        }
        writer.WriteEndObject();
    }

    private static void WriteObject(Utf8JsonWriter writer, JsonElement? value)
    {
        if (value is { ValueKind: JsonValueKind.Object } obj) obj.WriteTo(writer);
        else
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
    }

    /// <summary>nbformat's multi-line string: a list of lines, each keeping its <c>\n</c>.</summary>
    private static void WriteLines(Utf8JsonWriter writer, string name, string text)
    {
        writer.WriteStartArray(name);
        foreach (var line in SplitLines(text)) writer.WriteStringValue(line);
        writer.WriteEndArray();
    }

    internal static IEnumerable<string> SplitLines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                yield return text[start..];
                yield break;
            }
            yield return text[start..(end + 1)];
            start = end + 1;
        }
    }
}
