using Spx.Research.Notebooks.Execution;
using Spx.Research.Reporting;
using Spx.Research.Testing;

namespace Spx.Research.Notebooks.Tests.Execution;

/// <summary>
/// Every notebook under the repository's <c>notebooks/</c> runs headlessly on the sample lake, as the main job
/// runs it, and its HTML page draws every chart in a real browser. The notebooks <c>#r</c> the Release build
/// of the core (<c>artifacts/bin/Spx.Research/release</c>), which the test command builds first.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class RepositoryNotebookTests(HeadlessBrowser browser) : IClassFixture<HeadlessBrowser>, IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("spx-repo-notebooks-").FullName;

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(NotebooksFolder(), "*.ipynb").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Fact]
    public void The_repository_has_notebooks_and_they_are_committed_without_outputs()
    {
        var paths = Directory.EnumerateFiles(NotebooksFolder(), "*.ipynb").ToList();
        Assert.NotEmpty(paths);
        foreach (var path in paths)
        {
            var notebook = Spx.Research.Notebooks.Formats.NotebookReader.Read(path);
            Assert.All(notebook.Cells, cell => Assert.True(cell.Outputs.Count == 0, $"{Path.GetFileName(path)} has outputs committed"));
            Assert.Equal("csharp", notebook.DefaultKernel);
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Runs_headlessly_and_its_page_draws_every_chart(string name)
    {
        var release = Repository.ReleaseCore;
        Assert.True(File.Exists(release), $"{release} is missing: build Release first (./build.sh --target=Build)");

        var runner = new NotebookRunner(new NotebookRunOptions { PlotlyScript = PlotlyJs.ReadBundle });
        var result = await runner.RunFileAsync(Path.Combine(NotebooksFolder(), name), _output);

        Assert.True(result.Succeeded, result.FailureMessage);
        var figures = result.Notebook.Cells.SelectMany(c => c.Outputs)
            .Count(o => o is DisplayDataOutput { Data: var d } && d.Get(Spx.Research.Reporting.FigureFormatterSource.PlotlyJsonMimeType) is not null
                     || o is ExecuteResultOutput { Data: var r } && r.Get(Spx.Research.Reporting.FigureFormatterSource.PlotlyJsonMimeType) is not null);

        var frames = result.Notebook.Cells.SelectMany(c => c.Outputs).OfType<ExecuteResultOutput>()
            .Count(o => o.Data.Text(MimeBundle.Html)?.Contains("<p class=\"spx-more\">", StringComparison.Ordinal) == true
                        && o.Data.Text(MimeBundle.PlainText)?.StartsWith("DataFrame: ", StringComparison.Ordinal) == true);

        if (name == "01-lake-tour.ipynb")
        {
            Assert.Equal(3, figures); // SPX/VIX, the put smile, the term structure
            Assert.Equal(2, frames);  // the unusual puts, the labels (the same count the kernel test sees)
        }
        if (name == "03-spy-momentum.ipynb")
        {
            Assert.Equal(2, figures); // trigger hours, durations
            Assert.Equal(1, frames);  // the largest moves (the sample lake has no option_minutes)
        }

        var page = await browser.Open(result.OutputHtmlPath!);
        await page.Page.WaitForFunctionAsync("n => document.querySelectorAll('.js-plotly-plot').length === n", figures);
        var undrawn = await page.Page.EvaluateAsync<int>(
            "s => [...document.querySelectorAll('.js-plotly-plot')].filter(p => p.querySelectorAll(s).length === 0).length", HeadlessBrowser.DrawnTraces);
        Assert.Equal(0, undrawn);
        page.AssertClean();
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private static string NotebooksFolder() => Repository.Notebooks;
}
