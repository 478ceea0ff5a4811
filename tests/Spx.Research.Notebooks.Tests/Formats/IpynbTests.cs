using System.Text.Json;
using Spx.Research.Notebooks.Formats;

namespace Spx.Research.Notebooks.Tests.Formats;

public class IpynbTests
{
    /// <summary>As VS Code's Polyglot extension saves it: markdown cell without id, source as string and as lines, plotly as a string.</summary>
    private const string Polyglot = """
        {
          "cells": [
            { "cell_type": "markdown", "metadata": {}, "source": ["# Title\n", "Some *text*"] },
            {
              "cell_type": "code", "execution_count": 3, "id": "a1",
              "metadata": {
                "dotnet_interactive": { "language": "csharp" },
                "polyglot_notebook": { "kernelName": "csharp" },
                "vscode": { "languageId": "polyglot-notebook" },
                "tags": ["parameters"]
              },
              "outputs": [
                { "name": "stdout", "output_type": "stream", "text": ["one\n", "two\n"] },
                { "data": { "text/plain": ["42"], "application/vnd.plotly.v1+json": "{\"data\":[{\"type\":\"bar\",\"y\":[1,2]}]}" },
                  "execution_count": 3, "metadata": {}, "output_type": "execute_result" },
                { "ename": "Boom", "evalue": "bad", "output_type": "error", "traceback": ["at x", "at y"] }
              ],
              "source": "var x = 1;\nx"
            },
            { "cell_type": "code", "execution_count": null, "metadata": { "polyglot_notebook": { "kernelName": "fsharp" } }, "outputs": [], "source": [] }
          ],
          "metadata": {
            "kernelspec": { "display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp" },
            "language_info": { "name": "polyglot-notebook" },
            "polyglot_notebook": { "kernelInfo": { "defaultKernelName": "csharp",
              "items": [ { "name": "csharp", "languageName": "C#", "aliases": ["c#", "cs"] }, { "name": "fsharp", "aliases": [] } ] } }
          },
          "nbformat": 4,
          "nbformat_minor": 2
        }
        """;

    [Fact]
    public void Reads_polyglot_cells_sources_outputs_and_kernels()
    {
        var notebook = IpynbReader.Parse(Polyglot);

        Assert.Equal([CellKind.Markdown, CellKind.Code, CellKind.Code], notebook.Cells.Select(c => c.Kind));
        Assert.Equal("# Title\nSome *text*", notebook.Cells[0].Source);
        Assert.Null(notebook.Cells[0].Id);
        var code = notebook.Cells[1];
        Assert.Equal(("a1", 3, "var x = 1;\nx"), (code.Id, code.ExecutionCount, code.Source));
        Assert.Equal(["parameters"], code.Tags);
        Assert.Equal(new StreamOutput("stdout", "one\ntwo\n"), code.Outputs[0]);
        var result = Assert.IsType<ExecuteResultOutput>(code.Outputs[1]);
        Assert.Equal("42", result.Data.Text(MimeBundle.PlainText));
        Assert.Equal(JsonValueKind.Object, result.Data.Get(MimeBundle.Plotly)!.Value.ValueKind); // parsed from Polyglot's string
        var error = Assert.IsType<ErrorOutput>(code.Outputs[2]);
        Assert.Equal(["at x", "at y"], error.Traceback);
        Assert.Equal("csharp", notebook.DefaultKernel);
        Assert.Equal("csharp", notebook.KernelOf(code));
        Assert.Equal("fsharp", notebook.KernelOf(notebook.Cells[2]));
        Assert.Null(notebook.KernelOf(notebook.Cells[0]));
    }

    [Fact]
    public void Write_then_read_keeps_notebook_and_cell_metadata_verbatim()
    {
        var original = IpynbReader.Parse(Polyglot);

        var written = IpynbWriter.Write(original);
        var again = IpynbReader.Parse(written);

        Assert.True(JsonElement.DeepEquals(original.Metadata!.Value, again.Metadata!.Value));
        for (var i = 0; i < original.Cells.Count; i++)
        {
            Assert.Equal(original.Cells[i].Source, again.Cells[i].Source);
            if (original.Cells[i].Metadata is { } metadata) Assert.True(JsonElement.DeepEquals(metadata, again.Cells[i].Metadata!.Value));
        }
        Assert.Equal(original.Cells[1].Outputs.Count, again.Cells[1].Outputs.Count);
        Assert.Equal(IpynbWriter.Write(again), written); // stable: a second cycle changes nothing
    }

    [Fact]
    public void Writer_uses_nbformat_4_5_one_space_indent_lines_and_json_objects_for_plotly()
    {
        var written = IpynbWriter.Write(IpynbReader.Parse(Polyglot));

        Assert.StartsWith("{\n \"cells\": [\n  {\n   \"cell_type\": \"markdown\",", written);
        Assert.EndsWith("}\n", written);
        using var json = JsonDocument.Parse(written);
        var root = json.RootElement;
        Assert.Equal((4, 5), (root.GetProperty("nbformat").GetInt32(), root.GetProperty("nbformat_minor").GetInt32()));
        var cells = root.GetProperty("cells");
        Assert.Equal(["# Title\n", "Some *text*"], cells[0].GetProperty("source").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(["var x = 1;\n", "x"], cells[1].GetProperty("source").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(0, cells[2].GetProperty("source").GetArrayLength());
        var data = cells[1].GetProperty("outputs")[1].GetProperty("data");
        Assert.Equal(JsonValueKind.Object, data.GetProperty(MimeBundle.Plotly).ValueKind);
        Assert.Equal("bar", data.GetProperty(MimeBundle.Plotly).GetProperty("data")[0].GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Array, data.GetProperty("text/plain").ValueKind);
        Assert.False(cells[0].TryGetProperty("outputs", out _)); // markdown cells have no outputs or execution_count
        Assert.Equal(JsonValueKind.Null, cells[2].GetProperty("execution_count").ValueKind);
    }

    [Fact]
    public void Missing_ids_become_deterministic_and_valid_existing_ones_are_kept()
    {
        var notebook = IpynbReader.Parse(Polyglot);

        var first = JsonDocument.Parse(IpynbWriter.Write(notebook)).RootElement.GetProperty("cells");
        var second = JsonDocument.Parse(IpynbWriter.Write(notebook)).RootElement.GetProperty("cells");

        var ids = first.EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToArray();
        Assert.Equal(ids, second.EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
        Assert.Equal("a1", ids[1]);
        Assert.All(ids, id => Assert.True(CellIds.IsValid(id)));
        Assert.Equal(3, ids.Distinct().Count());
    }

    [Fact]
    public void Duplicate_ids_are_made_unique()
    {
        var cells = new[] { NotebookCell.Code("a") with { Id = "same" }, NotebookCell.Code("b") with { Id = "same" } };

        var ids = CellIds.Assign(cells);

        Assert.Equal("same", ids[0]);
        Assert.NotEqual("same", ids[1]);
    }

    [Fact]
    public void Non_ascii_text_is_written_unescaped_like_jupyter()
    {
        var written = IpynbWriter.Write(Notebook.FromCells([NotebookCell.Markdown("Δ hedge → 5% OTM")]));

        Assert.Contains("Δ hedge → 5% OTM", written);
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("""{"nbformat": 3, "cells": []}""", "nbformat 3 is not supported")]
    [InlineData("""{"nbformat": 4}""", "no 'cells' array")]
    [InlineData("""{"nbformat": 4, "cells": [{"cell_type": "heading", "source": ""}]}""", "cell 1: unknown cell_type 'heading'")]
    [InlineData("""{"nbformat": 4, "cells": [{"cell_type": "code", "source": "", "outputs": [{"output_type": "pyout"}]}]}""", "cell 1, output 1: unknown output_type 'pyout'")]
    public void Bad_files_fail_with_the_path_and_what_is_wrong(string json, string problem)
    {
        var error = Assert.Throws<NotebookFormatException>(() => IpynbReader.Parse(json, "/x/bad.ipynb"));

        Assert.StartsWith("/x/bad.ipynb: ", error.Message);
        Assert.Contains(problem, error.Message);
    }
}
