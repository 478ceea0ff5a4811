using Microsoft.Data.Analysis;
using Spx.Research.Notebooks.Execution;
using Spx.Research.Notebooks.Html;
using Spx.Research.Reporting;
using static Spx.Research.Notebooks.Tests.TestNotebooks;

namespace Spx.Research.Notebooks.Tests.Execution;

/// <summary>
/// A DataFrame in a notebook run by <c>spx notebook run</c> shows as the bounded table Polyglot shows
/// (<see cref="DataFrameHtml"/>): as a trailing value, through <c>display</c>, and in the executed HTML page —
/// a LakeFrame through its convention attribute, a plain frame as the runner's default.
/// </summary>
[Collection(RunnerCollection.Name)]
public class DataFrameDisplayTests
{
    private static string References() =>
        $"#r \"{typeof(DataFrame).Assembly.Location}\"\n#r \"{typeof(LakeFrame).Assembly.Location}\"\nusing Microsoft.Data.Analysis;";

    [Fact]
    public async Task Frames_display_as_the_bounded_table_in_outputs_and_on_the_page()
    {
        var result = await new NotebookRunner().RunAsync(Of(
            Code(References()),
            Code("var frame = new Spx.Research.Reporting.LakeFrame([new Int32DataFrameColumn(\"n\", Enumerable.Range(0, 150)), new StringDataFrameColumn(\"s\", Enumerable.Range(0, 150).Select(i => i % 2 == 0 ? \"<even>\" : null))]);\nframe"),
            Code("display(frame.Head(2));\nnew DataFrame(new DoubleDataFrameColumn(\"x\", new[] { 0.5 }))")));

        Assert.True(result.Succeeded, result.FailureMessage);
        var lake = Texts(result.Notebook.Cells[1], MimeBundle.Html).Single();
        Assert.Equal(DataFrameHtml.Table((DataFrame)new LakeFrame([new Int32DataFrameColumn("n", Enumerable.Range(0, 150)), new StringDataFrameColumn("s", Enumerable.Range(0, 150).Select(i => i % 2 == 0 ? "<even>" : null))])), lake);
        Assert.Contains("<td>0</td><td>&lt;even&gt;</td>", lake);
        Assert.Contains("<td>1</td><td></td>", lake);
        Assert.Contains("first 100 of 150 rows × 2 columns", lake);
        Assert.Equal("DataFrame: 150 rows × 2 columns (n, s)", Texts(result.Notebook.Cells[1]).Single());
        var plain = Texts(result.Notebook.Cells[2], MimeBundle.Html);
        Assert.Equal(2, plain.Count);
        Assert.Contains("2 rows × 2 columns", plain[0]);
        Assert.Contains("<td>0.5</td>", plain[1]);

        var page = NotebookHtmlWriter.Write(result.Notebook, "frames");
        Assert.Contains(lake, page);
        Assert.Contains("1 row × 1 column", page);
    }
}
