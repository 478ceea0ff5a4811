using Spx.Research.Notebooks.Formats;

namespace Spx.Research.Notebooks.Tests.Formats;

public class DibTests
{
    [Fact]
    public void Splits_on_kernel_selectors_keeps_magics_and_trims_edges()
    {
        const string dib = """
            #!meta

            {"kernelInfo":{"defaultKernelName":"csharp","items":[{"name":"csharp","aliases":["c#","cs"]},{"name":"sql-local","aliases":[]}]}}

            #!markdown

            # Heading

            #!csharp

            #!time
            var x = 1;

            #!c#
            #!notakernel
            x + 1

            #!sql-local
            select 1
            """;

        var notebook = DibReader.Parse(dib);

        Assert.Equal([CellKind.Markdown, CellKind.Code, CellKind.Code, CellKind.Code], notebook.Cells.Select(c => c.Kind));
        Assert.Equal("# Heading", notebook.Cells[0].Source);
        Assert.Equal("#!time\nvar x = 1;", notebook.Cells[1].Source);
        Assert.Equal("#!notakernel\nx + 1", notebook.Cells[2].Source);
        Assert.Equal(["csharp", "csharp", "sql-local"], notebook.Cells.Skip(1).Select(notebook.KernelOf));
        Assert.Equal(".net-csharp", Json.StringAt(notebook.Metadata, "kernelspec", "name"));
        Assert.Equal("sql-local", Json.StringAt(Json.Property(notebook.Metadata, "polyglot_notebook", "kernelInfo", "items")!.Value[1], "name"));
    }

    [Fact]
    public void Text_before_the_first_selector_belongs_to_the_default_kernel()
    {
        var notebook = DibReader.Parse("\n\nConsole.WriteLine(1);\n#!md\nnotes\n");

        Assert.Equal(2, notebook.Cells.Count);
        Assert.Equal(("Console.WriteLine(1);", "csharp"), (notebook.Cells[0].Source, notebook.KernelOf(notebook.Cells[0])));
        Assert.Equal((CellKind.Markdown, "notes"), (notebook.Cells[1].Kind, notebook.Cells[1].Source));
    }

    [Fact]
    public void Csx_is_one_csharp_cell()
    {
        var notebook = CsxReader.Parse("var a = 1;\r\nConsole.WriteLine(a);");

        var cell = Assert.Single(notebook.Cells);
        Assert.Equal(("var a = 1;\nConsole.WriteLine(a);", "csharp"), (cell.Source, notebook.KernelOf(cell)));
    }

    [Fact]
    public void Read_chooses_the_format_by_extension_and_rejects_others()
    {
        using var temp = new TempDirectory();
        var dib = temp.Write("a.dib", "#!csharp\n1");
        var other = temp.Write("a.py", "print(1)");

        Assert.Single(NotebookReader.Read(dib).Cells);
        var error = Assert.Throws<NotebookFormatException>(() => NotebookReader.Read(other));
        Assert.Contains("unsupported notebook type '.py'", error.Message);
    }
}
