using System.Text.Json;
using System.Text.Json.Nodes;

namespace Spx.Research.Notebooks.Tests;

/// <summary>Builds small notebooks for tests: C# code cells with Polyglot metadata, markdown cells, tags.</summary>
internal static class TestNotebooks
{
    public static Notebook Of(params NotebookCell[] cells) => Notebook.FromCells(cells);

    public static NotebookCell Code(string source, params string[] tags)
    {
        var metadata = new JsonObject
        {
            ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
        };
        if (tags.Length > 0) metadata["tags"] = new JsonArray(tags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
        return NotebookCell.Code(source, JsonSerializer.SerializeToElement(metadata));
    }

    public static NotebookCell Markdown(string source) => NotebookCell.Markdown(source);

    /// <summary>The <c>text/plain</c> (or given type) of every display and result output of a cell, in order.</summary>
    public static IReadOnlyList<string> Texts(NotebookCell cell, string mimeType = MimeBundle.PlainText) =>
        cell.Outputs.Select(o => o switch
        {
            DisplayDataOutput d => d.Data.Text(mimeType),
            ExecuteResultOutput r => r.Data.Text(mimeType),
            _ => null,
        }).OfType<string>().ToArray();

    public static string Stdout(NotebookCell cell) =>
        string.Concat(cell.Outputs.OfType<StreamOutput>().Where(s => s.Name == StreamOutput.StandardOutput).Select(s => s.Text));
}
