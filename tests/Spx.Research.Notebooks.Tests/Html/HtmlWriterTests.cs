using System.Text.Json;
using Spx.Research.Notebooks.Html;

namespace Spx.Research.Notebooks.Tests.Html;

public class HtmlWriterTests
{
    private const string FakePlotly = "window.Plotly={newPlot:function(){}};/* </script> inside */";

    private static NotebookCell Executed(string source, params CellOutput[] outputs) =>
        NotebookCell.Code(source) with { Outputs = outputs, ExecutionCount = 1 };

    private static MimeBundle Figure(string title) => new(
    [
        MimeBundle.Entry(MimeBundle.Html, "<div>figure html fallback</div>"),
        MimeBundle.Entry(MimeBundle.Plotly, """{"data":[{"type":"bar","y":[1,2]}],"layout":{"title":{"text":""" + JsonSerializer.Serialize(title) + "}}}"),
    ]);

    [Fact]
    public void Plotly_is_inlined_once_in_the_head_and_each_figure_is_drawn_from_its_json()
    {
        var calls = 0;
        var notebook = Notebook.FromCells(
        [
            Executed("a", new DisplayDataOutput(Figure("</script><b>one"))),
            Executed("b", new ExecuteResultOutput(Figure("two"), 2)),
        ]);

        var html = NotebookHtmlWriter.Write(notebook, "report", () => { calls++; return FakePlotly; });

        Assert.Equal(1, calls);
        var head = html[..html.IndexOf("</head>", StringComparison.Ordinal)];
        Assert.Contains("window.Plotly={newPlot:function(){}};/* <\\/script> inside */", head);
        Assert.Equal(2, CountOf(html, "Plotly.newPlot("));
        Assert.DoesNotContain("figure html fallback", html);
        Assert.DoesNotContain("</script><b>one", html); // JSON in a script is escaped
        Assert.Contains("\\u003C/script\\u003E\\u003Cb\\u003Eone", html);
        Assert.DoesNotContain("cdn", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script src", html);
    }

    [Fact]
    public void Without_figures_plotly_is_not_loaded()
    {
        var calls = 0;

        var html = NotebookHtmlWriter.Write(Notebook.FromCells([Executed("1", new ExecuteResultOutput(MimeBundle.Of(MimeBundle.PlainText, "1"), 1))]),
            "t", () => { calls++; return FakePlotly; });

        Assert.Equal(0, calls);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void Without_a_plotly_script_figures_use_their_html()
    {
        var html = NotebookHtmlWriter.Write(Notebook.FromCells([Executed("a", new DisplayDataOutput(Figure("x")))]), "t");

        Assert.Contains("<div>figure html fallback</div>", html);
        Assert.DoesNotContain("Plotly.newPlot", html);
    }

    [Fact]
    public void Markdown_code_streams_and_errors_are_rendered_and_escaped()
    {
        var notebook = Notebook.FromCells(
        [
            NotebookCell.Markdown("# Title\n\nSome *emphasis* and a | table |\n|---|---|\n| a | b |"),
            Executed("if (a < b) Console.WriteLine(\"<x>\");",
                new StreamOutput("stdout", "<x>\n"),
                new StreamOutput("stderr", "warn\n"),
                new DisplayDataOutput(MimeBundle.Of(MimeBundle.Html, "<b>raw html</b>")),
                new ErrorOutput("Boom", "it <broke>", ["Boom: it <broke>", "   at Submission#0"])),
        ]);

        var html = NotebookHtmlWriter.Write(notebook, "A & B");

        Assert.Contains("<title>A &amp; B</title>", html);
        Assert.Contains("<h1 id=\"title\">Title</h1>", html);
        Assert.Contains("<em>emphasis</em>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("if (a &lt; b) Console.WriteLine(&quot;&lt;x&gt;&quot;);", html);
        Assert.Contains("<pre class=\"stream stdout\">&lt;x&gt;\n</pre>", html);
        Assert.Contains("<pre class=\"stream stderr\">warn\n</pre>", html);
        Assert.Contains("<b>raw html</b>", html);
        Assert.Contains("<div class=\"error\"><strong>Boom</strong>: it &lt;broke&gt;", html);
        Assert.Contains("<details class=\"source\" open>", html); // a failed cell shows its code
    }

    [Fact]
    public void The_header_summarises_the_run_from_metadata()
    {
        var metadata = JsonDocument.Parse("""{"spx":{"status":"failed","start_time":"2026-01-02T15:00:00.000000Z","duration":1.25,"parameters":{"days":"45"}}}""").RootElement;

        var html = NotebookHtmlWriter.Write(new Notebook { Cells = [], Metadata = metadata }, "t");

        Assert.Contains("<p class=\"run failed\">Failed · started 2026-01-02T15:00:00.000000Z · 1.25 s · parameters: days=45</p>", html);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
