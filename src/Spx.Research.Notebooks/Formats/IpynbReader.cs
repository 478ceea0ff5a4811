using System.Text.Json;

namespace Spx.Research.Notebooks.Formats;

/// <summary>
/// Reads Jupyter nbformat 4 as VS Code/Polyglot and Jupyter write it. Tolerant where writers differ:
/// cells without <c>id</c> (Polyglot omits them on markdown cells), <c>source</c> and text values as a
/// string or a list of lines, JSON MIME values as objects or as strings (Polyglot writes strings; they
/// are parsed so a plotly figure is always an object in the model). Strict where a guess would lose
/// data: a missing <c>cells</c> array or an unknown cell or output type is an error naming the cell.
/// </summary>
public static class IpynbReader
{
    public static Notebook Parse(string json, string? path = null)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true });
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(path, $"not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }
        if (root.ValueKind != JsonValueKind.Object) throw new NotebookFormatException(path, "the notebook is not a JSON object");

        var major = Json.IntAt(root, "nbformat") ?? 4;
        if (major != 4) throw new NotebookFormatException(path, $"nbformat {major} is not supported (only 4; convert with 'jupyter nbconvert --to notebook')");
        var minor = Json.IntAt(root, "nbformat_minor") ?? 0;
        if (!root.TryGetProperty("cells", out var cellsElement) || cellsElement.ValueKind != JsonValueKind.Array)
        {
            throw new NotebookFormatException(path, "no 'cells' array");
        }

        var cells = new List<NotebookCell>();
        var index = 0;
        foreach (var cell in cellsElement.EnumerateArray())
        {
            index++;
            cells.Add(ParseCell(cell, $"cell {index}", path));
        }
        return new Notebook
        {
            Cells = cells,
            Metadata = root.TryGetProperty("metadata", out var metadata) ? metadata : null,
            FormatMajor = major,
            FormatMinor = minor,
        };
    }

    private static NotebookCell ParseCell(JsonElement cell, string where, string? path)
    {
        if (cell.ValueKind != JsonValueKind.Object) throw new NotebookFormatException(path, $"{where} is not a JSON object");
        var kind = Json.StringAt(cell, "cell_type") switch
        {
            "code" => CellKind.Code,
            "markdown" => CellKind.Markdown,
            "raw" => CellKind.Raw,
            var other => throw new NotebookFormatException(path, $"{where}: unknown cell_type '{other ?? "(missing)"}'"),
        };
        var outputs = new List<CellOutput>();
        if (kind == CellKind.Code && cell.TryGetProperty("outputs", out var outputsElement) && outputsElement.ValueKind == JsonValueKind.Array)
        {
            var number = 0;
            foreach (var output in outputsElement.EnumerateArray())
            {
                number++;
                outputs.Add(ParseOutput(output, $"{where}, output {number}", path));
            }
        }
        return new NotebookCell
        {
            Kind = kind,
            Source = cell.TryGetProperty("source", out var source) ? Json.MultilineText(source) : "",
            Id = Json.StringAt(cell, "id"),
            Metadata = cell.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object ? metadata : null,
            Attachments = cell.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Object ? attachments : null,
            Outputs = outputs,
            ExecutionCount = Json.IntAt(cell, "execution_count"),
        };
    }

    private static CellOutput ParseOutput(JsonElement output, string where, string? path)
    {
        JsonElement? Metadata() => output.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : null;
        switch (Json.StringAt(output, "output_type"))
        {
            case "stream":
                return new StreamOutput(
                    Json.StringAt(output, "name") ?? StreamOutput.StandardOutput,
                    output.TryGetProperty("text", out var text) ? Json.MultilineText(text) : "");
            case "display_data":
                return new DisplayDataOutput(ParseData(output), Metadata());
            case "execute_result":
                return new ExecuteResultOutput(
                    ParseData(output),
                    Json.IntAt(output, "execution_count"),
                    Metadata());
            case "error":
                return new ErrorOutput(
                    Json.StringAt(output, "ename") ?? "",
                    Json.StringAt(output, "evalue") ?? "",
                    Json.Strings(Json.Property(output, "traceback")));
            case var other:
                throw new NotebookFormatException(path, $"{where}: unknown output_type '{other ?? "(missing)"}'");
        }
    }

    private static MimeBundle ParseData(JsonElement output)
    {
        if (!output.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object) return MimeBundle.Empty;
        var entries = new List<KeyValuePair<string, JsonElement>>();
        foreach (var property in data.EnumerateObject())
        {
            var value = property.Value;
            if (!MimeBundle.IsJsonType(property.Name))
            {
                entries.Add(MimeBundle.Entry(property.Name, Json.MultilineText(value)));
                continue;
            }
            // JSON types: a string (or list of string lines) holding JSON is parsed; a real JSON value is kept.
            var lines = value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String);
            var parsed = value.ValueKind == JsonValueKind.String || lines ? Json.TryParse(Json.MultilineText(value)) : null;
            entries.Add(new(property.Name, parsed ?? value));
        }
        return new MimeBundle(entries);
    }
}
