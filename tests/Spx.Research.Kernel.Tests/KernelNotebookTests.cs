using Microsoft.DotNet.Interactive.Documents.Jupyter;
using Spx.Research.Testing;

namespace Spx.Research.Kernel.Tests;

/// <summary>
/// Every notebook in <c>notebooks/</c> runs unchanged in the real .NET Interactive C# kernel (what VS Code
/// Polyglot runs), read by its own document reader, with its default parameters on the sample lake: no cell
/// fails, every figure displays as plotly JSON and every DataFrame as our bounded HTML table. One kernel per
/// notebook. The notebooks <c>#r</c> the Release core, which this project builds first.
/// </summary>
public sealed class KernelNotebookTests
{
    private const string FigureType = "Spx.Research.Reporting.Figure";
    private const string DataFrameType = "Microsoft.Data.Analysis.DataFrame";

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Repository.Notebooks, "*.ipynb").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Runs_in_the_real_kernel_and_displays_figures_and_frames_as_Polyglot_renders_them(string name)
    {
        Assert.True(File.Exists(Repository.ReleaseCore), $"{Repository.ReleaseCore} is missing: build Release first (./build.sh --target=Build)");
        var document = Notebook.Parse(await File.ReadAllTextAsync(Path.Combine(Repository.Notebooks, name)));
        var cells = document.Elements;

        using var run = await KernelRun.StartAsync(Repository.Notebooks);
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].KernelName is "markdown" or "md") continue;
            Assert.Equal("csharp", cells[i].KernelName);
            await run.SubmitAsync(cells[i].Contents, $"{name}: cell {i + 1} of {cells.Count}");
        }

        var figures = run.Displays.Where(d => d.IsA(FigureType)).ToArray();
        var frames = run.Displays.Where(d => d.IsA(DataFrameType)).ToArray();
        Assert.All(figures, f => Assert.True(f.HasPlotlyFigure, $"{f.Label}: the figure has no plotly JSON with traces ({string.Join(", ", f.Formats.Keys)})"));
        Assert.All(frames, f => Assert.True(IsBoundedTable(f.Html), $"{f.Label}: the DataFrame does not display as the bounded table: {Start(f.Html)}"));
        if (name == "01-lake-tour.ipynb")
        {
            Assert.Equal(3, figures.Length); // SPX/VIX, the put smile, the term structure
            Assert.Equal(2, frames.Length);  // the unusual puts, the labels
        }
        if (name == "03-spy-momentum.ipynb")
        {
            Assert.Equal(2, figures.Length); // trigger hours, durations
            Assert.Single(frames);            // the largest moves (the sample lake has no option_minutes)
        }
    }

    [Fact]
    public async Task A_plain_DataFrame_shown_first_renders_generically_which_is_why_LakeFrame_carries_the_formatter()
    {
        using var run = await KernelRun.StartAsync(Repository.Notebooks);
        await run.SubmitAsync(References, "references");

        await run.SubmitAsync("new DataFrame(new Int32DataFrameColumn(\"n\", new[] { 1, 2, 3 }))", "a plain frame");

        Assert.False(IsBoundedTable(run.Displays[^1].Html), Start(run.Displays[^1].Html));
    }

    [Fact]
    public async Task Once_a_LakeFrame_is_shown_every_DataFrame_renders_as_the_bounded_table()
    {
        using var run = await KernelRun.StartAsync(Repository.Notebooks);
        await run.SubmitAsync(References, "references");

        await run.SubmitAsync("var frame = new Spx.Research.Reporting.LakeFrame([new Int32DataFrameColumn(\"n\", Enumerable.Range(0, 250))]); frame", "a lake frame");
        await run.SubmitAsync("frame.Head(3)", "its head");

        Assert.Equal(2, run.Displays.Count);
        Assert.True(IsBoundedTable(run.Displays[0].Html), Start(run.Displays[0].Html));
        Assert.Contains("first 100 of 250 rows", run.Displays[0].Html);
        Assert.True(IsBoundedTable(run.Displays[1].Html), Start(run.Displays[1].Html));
        Assert.Contains("3 rows × 1 column", run.Displays[1].Html);
    }

    /// <summary>
    /// One use of each assembly <c>spx notebook run</c> references by default (ScriptSession.References in
    /// src/Spx.Research.Notebooks), without a <c>using</c>: each must compile in the kernel too, or a notebook could
    /// lean on a reference only our runner gives.
    /// </summary>
    [Theory]
    [InlineData("new System.Collections.Concurrent.ConcurrentDictionary<string, int>().Count")]
    [InlineData("System.Text.RegularExpressions.Regex.IsMatch(\"SPX\", \"^S\")")]
    [InlineData("System.Text.Json.JsonSerializer.Serialize(new[] { 1 })")]
    [InlineData("typeof(System.Net.Http.HttpClient).Name")]
    [InlineData("System.Linq.Expressions.Expression.Constant(1).Value")]
    [InlineData("typeof(System.ComponentModel.INotifyPropertyChanged).Name")]
    [InlineData("System.Diagnostics.Stopwatch.StartNew().IsRunning")]
    [InlineData("((dynamic)\"abc\").Length")]
    [InlineData("Console.Out.NewLine")]
    public async Task What_our_runner_references_by_default_the_kernel_references_too(string code)
    {
        using var run = await KernelRun.StartAsync(Repository.Notebooks);

        await run.SubmitAsync(code, code);

        Assert.NotNull(Assert.Single(run.Displays).Value);
    }

    private const string References = """
        #r "../artifacts/bin/Spx.Research/release/Microsoft.Data.Analysis.dll"
        #r "../artifacts/bin/Spx.Research/release/Spx.Research.dll"
        using Microsoft.Data.Analysis;
        """;

    private static bool IsBoundedTable(string html) =>
        html.Contains("<table class=\"spx-table\">", StringComparison.Ordinal) && html.Contains("<p class=\"spx-more\">", StringComparison.Ordinal);

    private static string Start(string html) => html.Length > 300 ? html[..300] + "…" : html;
}
