using System.Text.RegularExpressions;
using Spx.Research.Notebooks.Execution;
using Spx.Research.Notebooks.Html;
using static Spx.Research.Notebooks.Tests.TestNotebooks;

namespace Spx.Research.Notebooks.Tests.Execution;

/// <summary>
/// Defect 7.10 of issue 9: <c>spx notebook run</c> and the HTML page number cells the same way — every cell of
/// the source notebook from 1, markdown included — also when the run inserts a parameters cell and a banner.
/// </summary>
[Collection(RunnerCollection.Name)]
public partial class CellNumberingTests
{
    private static Notebook FiveCells() => Of(
        Markdown("# Title"),
        Code("var a = 1;", ParameterCells.ParametersTag),
        Markdown("Some text"),
        Code("display(a);"),
        Code("throw new InvalidOperationException(\"boom\");"));

    [Fact]
    public async Task The_page_labels_each_code_cell_as_the_run_names_it()
    {
        var observer = new RecordingObserver();
        var result = await new NotebookRunner(new NotebookRunOptions { Parameters = [new("a", "2")], Observer = observer }).RunAsync(FiveCells());

        var page = NotebookHtmlWriter.Write(result.Notebook, "numbering");

        Assert.Equal(["cell 2 of 5", "the injected parameters cell", "cell 4 of 5", "cell 5 of 5"], result.Cells.Select(c => c.Label));
        Assert.Equal(result.Cells.Select(c => c.Label), Prompts(page));
        Assert.StartsWith("notebook: cell 5 of 5 (`throw new InvalidOperationException(\"boom\");`) failed", result.FailureMessage);
        Assert.Contains("end cell 5 of 5: Failed", observer.Events);
    }

    [Fact]
    public async Task Running_the_executed_notebook_again_keeps_the_page_and_the_run_in_step()
    {
        var first = await new NotebookRunner(new NotebookRunOptions { Parameters = [new("a", "2")] }).RunAsync(FiveCells());
        var again = await new NotebookRunner(new NotebookRunOptions { Parameters = [new("a", "3")] }).RunAsync(first.Notebook);

        var page = NotebookHtmlWriter.Write(again.Notebook, "again");

        Assert.Equal(["cell 2 of 6", "cell 3 of 6", "cell 5 of 6", "cell 6 of 6"], again.Cells.Select(c => c.Label)); // the old injected cell is a cell of the file now
        Assert.Equal(again.Cells.Select(c => c.Label), Prompts(page));
    }

    [Fact]
    public void A_notebook_not_run_by_us_is_numbered_by_its_cells()
    {
        var page = NotebookHtmlWriter.Write(FiveCells(), "plain");

        Assert.Equal(["cell 2 of 5", "cell 4 of 5", "cell 5 of 5"], Prompts(page));
    }

    private static IReadOnlyList<string> Prompts(string page) =>
        Prompt().Matches(page).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray();

    [GeneratedRegex("<span class=\"prompt\">([^<]*)</span>")]
    private static partial Regex Prompt();
}
