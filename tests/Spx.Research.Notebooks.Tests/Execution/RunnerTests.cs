using System.Text.Json;
using Spx.Research.Notebooks.Execution;
using static Spx.Research.Notebooks.Tests.TestNotebooks;

namespace Spx.Research.Notebooks.Tests.Execution;

[Collection(RunnerCollection.Name)]
public class RunnerTests
{
    private static Task<NotebookRunResult> Run(Notebook notebook, NotebookRunOptions? options = null, string? path = null) =>
        new NotebookRunner(options).RunAsync(notebook, path);

    [Fact]
    public async Task State_carries_across_cells_and_globals_display_html_and_trailing_values()
    {
        var result = await Run(Of(
            Markdown("# Intro"),
            Code("var quotes = new List<int> { 1, 2, 3 };\nrecord Leg(string Symbol, int Qty);"),
            Code("display(quotes.Sum());\ndisplay(HTML(\"<b>bold</b>\"));\nvar shown = display(\"first\");\nshown.Update(\"second\");"),
            Code("new[] { new Leg(\"SPX\", 1), new Leg(\"SPY\", -2) }"),
            Code("quotes.Count"),
            Code("var nothing = 1;")));

        Assert.True(result.Succeeded, result.FailureMessage);
        var cells = result.Notebook.Cells;
        Assert.Equal(["6", "second"], Texts(cells[2]));
        Assert.Equal(["<b>bold</b>"], Texts(cells[2], MimeBundle.Html));
        Assert.All(cells[2].Outputs, o => Assert.IsType<DisplayDataOutput>(o));
        var table = Assert.IsType<ExecuteResultOutput>(Assert.Single(cells[3].Outputs));
        Assert.Contains("<td>SPY</td><td>-2</td>", table.Data.Text(MimeBundle.Html));
        var count = Assert.IsType<ExecuteResultOutput>(Assert.Single(cells[4].Outputs));
        Assert.Equal(("3", 4), (count.Data.Text(MimeBundle.PlainText), count.ExecutionCount));
        Assert.Empty(cells[5].Outputs);
        Assert.Equal([1, 2, 3, 4, 5], cells.Skip(1).Select(c => c.ExecutionCount ?? 0));
        Assert.All(result.Cells, c => Assert.Equal(CellStatus.Completed, c.Status));
        Assert.Equal([2, 3, 4, 5, 6], result.Cells.Select(c => c.Number ?? 0)); // numbered over all cells, markdown included
    }

    [Fact]
    public async Task Console_output_is_captured_per_stream_and_reported_live_then_the_console_is_restored()
    {
        var observer = new RecordingObserver();
        var before = Console.Out;
        var beforeIn = Console.In;

        var result = await Run(Of(Code("Console.WriteLine(\"out 1\");\nConsole.Error.WriteLine(\"err\");\nawait Task.Run(() => Console.WriteLine(\"out 2\"));\n#!time\nConsole.ReadLine() ?? \"no input\"")),
            new NotebookRunOptions { Observer = observer });

        var outputs = result.Notebook.Cells[0].Outputs;
        Assert.Equal(new StreamOutput("stdout", "out 1\n"), outputs[0]);
        Assert.Equal(new StreamOutput("stderr", "err\n"), outputs[1]);
        var last = Assert.IsType<StreamOutput>(outputs[2]);
        Assert.Equal("out 2\n", last.Text);
        Assert.Equal("no input", Assert.IsType<ExecuteResultOutput>(outputs[3]).Data.Text(MimeBundle.PlainText));
        Assert.StartsWith("Wall time: ", Assert.IsType<StreamOutput>(outputs[4]).Text);
        Assert.Contains("stdout cell 1 of 1: out 1\n", observer.Events);
        Assert.Contains("stderr cell 1 of 1: err\n", observer.Events);
        Assert.Same(before, Console.Out);
        Assert.Same(beforeIn, Console.In);
    }

    [Fact]
    public async Task Convention_formatted_values_from_a_referenced_assembly_carry_html_and_plotly_json()
    {
        var assembly = typeof(TestFigure).Assembly.Location;

        var result = await Run(Of(
            Code($"#r \"{assembly}\"\nusing Spx.Research.Notebooks.Tests.Execution;"),
            Code("display(new TestFigure(\"shown\"));\nnew DerivedFigure(\"last\")")));

        Assert.True(result.Succeeded, result.FailureMessage);
        var outputs = result.Notebook.Cells[1].Outputs;
        var shown = Assert.IsType<DisplayDataOutput>(outputs[0]).Data;
        Assert.Equal(["text/html", MimeBundle.Plotly], shown.MimeTypes);
        var last = Assert.IsType<ExecuteResultOutput>(outputs[1]).Data;
        Assert.Equal(JsonValueKind.Object, last.Get(MimeBundle.Plotly)!.Value.ValueKind);
        Assert.Equal("last", last.Get(MimeBundle.Plotly)!.Value.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Relative_references_and_loads_resolve_against_the_notebook_folder()
    {
        using var temp = new TempDirectory();
        TinyAssembly.Emit(temp.File("lib", "Tiny.dll"));
        temp.Write("helpers/util.csx", "static int Twice(int x) => 2 * x;");
        temp.Write("data.txt", "from the notebook folder");
        var path = temp.File("nb.ipynb");

        var result = await Run(Of(
            Code("#r \"lib/Tiny.dll\"\n#load \"helpers/util.csx\"\nTwice(Tiny.Answer.Value)"),
            Code("System.IO.File.ReadAllText(\"data.txt\")")), path: path);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(["84"], Texts(result.Notebook.Cells[0]));
        Assert.Equal(["from the notebook folder"], Texts(result.Notebook.Cells[1]));
    }

    [Fact]
    public async Task Nuget_references_fail_naming_the_package_cell_and_notebook()
    {
        var result = await Run(Of(Markdown("x"), Code("#r \"nuget: Plotly.NET, 4.2.0\"\nvar a = 1;"), Code("a")), path: "/tmp/spx/x.ipynb");

        Assert.False(result.Succeeded);
        var error = result.Failure!.Error!;
        Assert.Equal("NuGetReference", error.EName);
        Assert.Contains("cell 2 of 3 in /tmp/spx/x.ipynb, line 1: #r \"nuget:Plotly.NET, 4.2.0\" needs a NuGet restore", error.EValue);
        Assert.Contains("Plotly.NET.dll", error.EValue);
    }

    [Fact]
    public async Task A_failing_cell_stops_the_run_and_the_executed_notebook_shows_error_banner_and_status()
    {
        var result = await Run(Of(
            Markdown("# Title"),
            Code("var zero = 0;"),
            Code("Console.WriteLine(\"before\");\nvar y = 1 / zero;"),
            Code("Console.WriteLine(\"never\");")), path: "/tmp/spx/fails.ipynb");

        Assert.False(result.Succeeded);
        Assert.Equal("/tmp/spx/fails.ipynb: cell 3 of 4 (`Console.WriteLine(\"before\");`) failed: DivideByZeroException: Attempted to divide by zero.",
            result.FailureMessage);
        var cells = result.Notebook.Cells;
        var banner = cells[0];
        Assert.Equal((CellKind.Markdown, true), (banner.Kind, banner.HasTag(NotebookRunner.ErrorCellTag)));
        Assert.Contains("**Execution failed** at [cell 3 of 4](#", banner.Source);
        Assert.Contains("DivideByZeroException", banner.Source);
        var failing = cells[3];
        Assert.Equal("before\n", Stdout(failing));
        var error = Assert.IsType<ErrorOutput>(failing.Outputs[^1]);
        Assert.Equal("DivideByZeroException", error.EName);
        Assert.Contains(error.Traceback, l => l.Contains("Submission#"));
        Assert.Equal("failed", Json.StringAt(failing.Metadata, "spx", "status"));
        Assert.NotNull(Json.Property(failing.Metadata, "spx", "duration"));
        var later = cells[4];
        Assert.Empty(later.Outputs);
        Assert.Null(later.ExecutionCount);
        Assert.Equal("skipped", Json.StringAt(later.Metadata, "spx", "status"));
        Assert.Equal([CellStatus.Completed, CellStatus.Failed, CellStatus.Skipped], result.Cells.Select(c => c.Status));
        Assert.Equal("failed", Json.StringAt(result.Notebook.Metadata, "spx", "status"));
        Assert.Equal(3, Json.IntAt(result.Notebook.Metadata, "spx", "failed_cell"));
        Assert.Equal(".net-csharp", Json.StringAt(result.Notebook.Metadata, "kernelspec", "name")); // Polyglot metadata kept
    }

    [Fact]
    public async Task Allow_errors_runs_the_later_cells_from_the_last_state()
    {
        var result = await Run(Of(
            Code("var a = 1;"),
            Code("var b = 2;\nthrow new InvalidOperationException(\"boom\");"),
            Code("int x = ;"),
            Code("a + b")), new NotebookRunOptions { AllowErrors = true });

        Assert.True(result.Succeeded);
        Assert.Equal(["3"], Texts(result.Notebook.Cells[^1]));
        Assert.Equal([2, 3], result.AllowedErrors.Select(c => c.Number ?? 0));
        Assert.Contains("**Cells raised errors** (allowed)", result.Notebook.Cells[0].Source);
        Assert.Equal("completed", Json.StringAt(result.Notebook.Metadata, "spx", "status"));
    }

    [Fact]
    public async Task A_cell_tagged_raises_exception_may_throw_without_failing_the_run()
    {
        var result = await Run(Of(Code("throw new Exception(\"expected\");", NotebookRunner.RaisesExceptionTag), Code("1 + 1")));

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(["2"], Texts(result.Notebook.Cells[^1]));
    }

    [Fact]
    public async Task Compile_errors_report_the_cell_line_and_column()
    {
        var result = await Run(Of(Code("#!csharp\nvar ok = 1;\nvar bad = missing + 1;")), path: "/tmp/spx/c.ipynb");

        var error = result.Failure!.Error!;
        Assert.Equal("CompilationError", error.EName);
        Assert.StartsWith("line 3, col 11: CS0103: The name 'missing' does not exist in the current context", error.EValue);
        Assert.Equal("cell 1 of 1 in /tmp/spx/c.ipynb does not compile:", error.Traceback[0]);
        Assert.Contains("cell 1 of 1 (`var ok = 1;`) failed: CompilationError: line 3, col 11: CS0103", result.FailureMessage);
    }

    [Fact]
    public async Task A_cell_over_the_timeout_fails_naming_the_cell_even_with_errors_allowed()
    {
        // The limit is far above what cells 1 and 3 need even on a loaded machine; cell 2 outlasts it by design.
        var result = await Run(Of(Code("1"), Code("await Task.Delay(60_000);"), Code("2")),
            new NotebookRunOptions { CellTimeout = TimeSpan.FromSeconds(5), AllowErrors = true });

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Failure!.Number);
        Assert.Equal("CellTimeout", result.Failure.Error!.EName);
        Assert.Contains("cell 2 of 3 in notebook did not finish within 5 s", result.Failure.Error.EValue);
        Assert.Equal(CellStatus.Skipped, result.Cells[2].Status);
    }

    [Fact]
    public async Task Parameters_are_injected_after_the_parameters_cell_typed_as_declared()
    {
        var observer = new RecordingObserver();
        var notebook = Of(
            Markdown("# Report"),
            Code("var symbol = \"SPX\";\nvar days = 30;", ParameterCells.ParametersTag),
            Code("$\"{symbol} {days + 1} {Parameters[\"days\"]} {extra}\""));

        var result = await Run(notebook, new NotebookRunOptions
        {
            Parameters = [new("days", "45"), new("symbol", "SPY"), new("extra", "x")],
            Observer = observer,
        });

        Assert.True(result.Succeeded, result.FailureMessage);
        var injected = result.Notebook.Cells[2];
        Assert.True(injected.HasTag(ParameterCells.InjectedTag));
        Assert.Contains("int days = 45;", injected.Source);
        Assert.Contains("string symbol = \"SPY\";", injected.Source);
        Assert.Equal(["SPY 46 45 x"], Texts(result.Notebook.Cells[3]));
        Assert.Null(result.Cells[1].Number);
        Assert.Equal("the injected parameters cell", result.Cells[1].Label);
        Assert.Equal(3, result.Cells[2].Number);
        Assert.Contains(observer.Events, e => e.Contains("parameter 'extra' is not declared in the parameters cell (cell 2)"));
        Assert.Equal("45", Json.StringAt(result.Notebook.Metadata, "spx", "parameters", "days"));

        // Running the executed notebook again replaces the injected cell instead of adding another.
        var again = await Run(result.Notebook, new NotebookRunOptions { Parameters = [new("days", "7"), new("symbol", "QQQ"), new("extra", "y")] });
        Assert.Single(again.Notebook.Cells, c => c.HasTag(ParameterCells.InjectedTag));
        Assert.Equal(["cell 2 of 4", "cell 3 of 4", "cell 4 of 4"], again.Cells.Select(c => c.Label)); // the old injected cell is cell 3 of the file
        Assert.Equal(["QQQ 8 7 y"], Texts(again.Notebook.Cells[3]));
    }

    [Fact]
    public async Task The_parameters_marker_works_without_tags()
    {
        var result = await Run(Of(Code("// @parameters\nvar threshold = 0.2;"), Code("threshold * 2")),
            new NotebookRunOptions { Parameters = [new("threshold", "1")] });

        Assert.Equal(["2"], Texts(result.Notebook.Cells[2]));
        Assert.Contains("double threshold = 1D;", result.Notebook.Cells[1].Source);
    }

    [Fact]
    public async Task Other_kernels_fail_markdown_and_html_cells_render_and_ignored_magics_warn()
    {
        var result = await Run(Of(
            Code("#!markdown\n**md in a code cell**"),
            Code("#!html\n<i>html</i>"),
            Code("#i \"nuget:https://example.invalid/v3/index.json\"\n#!whos\n1"),
            Code("#!fsharp\nlet x = 1")), new NotebookRunOptions { AllowErrors = true });

        var cells = result.Notebook.Cells.Where(c => !c.HasTag(NotebookRunner.ErrorCellTag)).ToArray();
        Assert.Equal(["**md in a code cell**"], Texts(cells[0], MimeBundle.Markdown));
        Assert.Equal(["<i>html</i>"], Texts(cells[1], MimeBundle.Html));
        Assert.Equal(["1"], Texts(cells[2]));
        Assert.Equal(2, result.Cells[2].Warnings.Count);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(cells[3].Outputs));
        Assert.Equal("UnsupportedKernel", error.EName);
        Assert.Contains("is a 'fsharp' cell", error.EValue);
    }

    [Fact]
    public async Task Unsupported_magics_fail_with_their_name()
    {
        var result = await Run(Of(Code("var x = 1;\n#!set --name a --value 1")));

        Assert.Equal("UnsupportedMagic", result.Failure!.Error!.EName);
        Assert.Contains("line 2: the magic command #!set is not supported", result.Failure.Error.EValue);
    }
}
