using System.Text.Json;
using Spx.Research.Notebooks.Execution;
using Spx.Research.Notebooks.Formats;

namespace Spx.Research.Notebooks.Tests.Execution;

[Collection(RunnerCollection.Name)]
public class RunFileTests
{
    [Fact]
    public async Task A_dib_runs_and_writes_an_executed_ipynb_and_an_html_page()
    {
        using var temp = new TempDirectory();
        var dib = temp.Write("report.dib", "#!markdown\n# Report\n#!csharp\nConsole.WriteLine(\"hi\");\n\"done\"\n");
        var output = temp.File("out");

        var result = await new NotebookRunner(new NotebookRunOptions { PlotlyScript = () => throw new InvalidOperationException("not needed") })
            .RunFileAsync(dib, output);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal((temp.File("out", "report.ipynb"), temp.File("out", "report.html")), (result.OutputNotebookPath, result.OutputHtmlPath));
        var executed = NotebookReader.Read(result.OutputNotebookPath!);
        Assert.Equal(".net-csharp", Json.StringAt(executed.Metadata, "kernelspec", "name"));
        Assert.Equal("csharp", Json.StringAt(executed.Cells[1].Metadata, "polyglot_notebook", "kernelName"));
        Assert.Equal("completed", Json.StringAt(executed.Cells[1].Metadata, "spx", "status"));
        Assert.Equal("hi\n", TestNotebooks.Stdout(executed.Cells[1]));
        var html = File.ReadAllText(result.OutputHtmlPath!);
        Assert.Contains("<h1 id=\"report\">Report</h1>", html);
        Assert.Contains("<pre>done</pre>", html);
    }

    [Fact]
    public async Task A_failed_run_still_writes_both_outputs_with_the_error()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("broken.csx", "var a = 1;\nthrow new InvalidOperationException(\"nope\");");

        var result = await new NotebookRunner().RunFileAsync(path, temp.File("out"));

        Assert.False(result.Succeeded);
        Assert.Equal($"{path}: cell 1 of 1 (`var a = 1;`) failed: InvalidOperationException: nope", result.FailureMessage);
        using var written = JsonDocument.Parse(File.ReadAllText(result.OutputNotebookPath!));
        var cells = written.RootElement.GetProperty("cells");
        Assert.Equal("spx-error-cell", cells[0].GetProperty("metadata").GetProperty("tags")[0].GetString());
        Assert.Equal("error", cells[1].GetProperty("outputs")[0].GetProperty("output_type").GetString());
        Assert.Contains("<div class=\"error\"><strong>InvalidOperationException</strong>: nope", File.ReadAllText(result.OutputHtmlPath!));
    }

    [Fact]
    public async Task Outputs_never_overwrite_the_source_notebook()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("same.ipynb", IpynbWriter.Write(TestNotebooks.Of(TestNotebooks.Code("1"))));

        var error = await Assert.ThrowsAsync<IOException>(() => new NotebookRunner().RunFileAsync(path, temp.Path));

        Assert.Contains("would overwrite the notebook itself", error.Message);
    }

    [Fact]
    public void The_default_output_folder_is_artifacts_notebooks_under_the_repository_root()
    {
        using var temp = new TempDirectory();
        temp.Write("repo/Spx.Research.sln", "");
        Directory.CreateDirectory(temp.File("repo", "notebooks", "deep"));
        Directory.CreateDirectory(temp.File("elsewhere"));

        Assert.Equal(temp.File("repo", "artifacts", "notebooks"), NotebookOutputFolder.Default(temp.File("repo", "notebooks", "deep")));
        Assert.Equal(temp.File("elsewhere", "artifacts", "notebooks"), NotebookOutputFolder.Default(temp.File("elsewhere")));
    }
}
