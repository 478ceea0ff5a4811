using System.Text.Json;

namespace Spx.Research.Cli.Tests;

/// <summary><c>spx notebook run</c>: progress, outputs, exit codes. Notebooks are written to a temp folder.</summary>
public sealed class NotebookVerbTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("spx-cli-notebooks-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private string Out => Path.Combine(_root, "out");

    [Fact]
    public void A_good_notebook_prints_each_cell_and_writes_ipynb_and_html()
    {
        var path = Write("good.dib", "#!markdown\n# Good\n#!csharp\n// @parameters\nvar days = 30;\n#!csharp\nConsole.WriteLine($\"days {days}\");\n");

        var run = CliRun.Of("notebook", "run", path, "--output", Out, "-p", "days=45");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"notebook {path}", run.Output);
        Assert.Contains("  cell 2 of 3  // @parameters  ok (", run.Output);
        Assert.Contains("  cell 3 of 3  Console.WriteLine($\"days {days}\");\ndays 45\n  cell 3 of 3  ok (", run.Output);
        Assert.Contains($"ok {path} (", run.Output);
        Assert.Contains($"-> {Path.Combine(Out, "good.ipynb")}, good.html", run.Output);
        Assert.True(File.Exists(Path.Combine(Out, "good.html")));
        using var executed = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "good.ipynb")));
        Assert.Equal("completed", executed.RootElement.GetProperty("metadata").GetProperty("spx").GetProperty("status").GetString());
    }

    [Fact]
    public void A_failing_cell_exits_1_naming_notebook_cell_and_error_and_later_cells_do_not_run()
    {
        var path = Write("bad.dib", "#!csharp\nvar zero = 0;\n#!markdown\ntext\n#!csharp\nvar boom = 1 / zero;\n#!csharp\nConsole.WriteLine(\"never\");\n");

        var run = CliRun.Of("notebook", "run", path, "--output", Out);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"spx: error: {path}: cell 3 of 4 (`var boom = 1 / zero;`) failed: DivideByZeroException: Attempted to divide by zero.",
            run.Error.Trim());
        Assert.Contains("  cell 3 of 4  var boom = 1 / zero;  FAILED: DivideByZeroException (", run.Output);
        Assert.Contains("  cell 4 of 4  Console.WriteLine(\"never\");  not run", run.Output);
        Assert.DoesNotContain("never\n", run.Output);
        Assert.Contains($"FAILED {path} -> ", run.Output);
        var executed = File.ReadAllText(Path.Combine(Out, "bad.ipynb"));
        Assert.Contains("spx-error-cell", executed);
        Assert.Contains("\"ename\": \"DivideByZeroException\"", executed);
    }

    [Fact]
    public void A_folder_runs_every_ipynb_in_order_and_allow_errors_keeps_going()
    {
        const string ipynb = """
            {"cells":[{"cell_type":"code","metadata":{},"outputs":[],"source":["throw new Exception(\"first\");"]},
                      {"cell_type":"code","metadata":{},"outputs":[],"source":["Console.WriteLine(\"second\");"]}],
             "metadata":{"kernelspec":{"name":".net-csharp"}},"nbformat":4,"nbformat_minor":5}
            """;
        Write("folder/b.ipynb", ipynb);
        Write("folder/a.ipynb", ipynb);
        Write("folder/ignored.dib", "#!csharp\n1");

        var run = CliRun.Of("notebook", "run", Path.Combine(_root, "folder"), "--output", Out, "--allow-errors");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(run.Output.IndexOf("a.ipynb", StringComparison.Ordinal) < run.Output.IndexOf("b.ipynb", StringComparison.Ordinal));
        Assert.Contains("  cell 1 of 2  throw new Exception(\"first\");  error allowed: Exception (", run.Output);
        Assert.Contains("second\n", run.Output);
        Assert.Contains("1 cell error(s) allowed", run.Output);
        Assert.Contains("2 of 2 notebooks ok", run.Output);
        Assert.False(File.Exists(Path.Combine(Out, "ignored.ipynb")));
    }

    [Fact]
    public void A_folder_run_removes_the_pages_of_notebooks_not_in_it_so_the_index_links_exactly_this_run()
    {
        const string ipynb = """
            {"cells":[{"cell_type":"code","metadata":{},"outputs":[],"source":["1 + 1"]}],
             "metadata":{"kernelspec":{"name":".net-csharp"}},"nbformat":4,"nbformat_minor":5}
            """;
        var artifacts = Path.Combine(_root, "artifacts");
        var pages = Path.Combine(artifacts, "notebooks");
        var folder = Path.Combine(_root, "folder");
        Write("folder/a.ipynb", ipynb);
        var renamed = Write("folder/b.ipynb", ipynb);
        Assert.Equal(0, CliRun.Of("notebook", "run", folder, "--output", pages).ExitCode);
        File.Move(renamed, Path.Combine(folder, "c.ipynb"));
        Write("artifacts/notebooks/notes.txt", "not the runner's");
        Write("artifacts/notebooks/plain.ipynb", ipynb);
        Write("artifacts/reports/scanner-report.html", "report");

        var one = CliRun.Of("notebook", "run", Path.Combine(folder, "a.ipynb"), "--output", pages);
        var before = Directory.GetFiles(pages).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var run = CliRun.Of("notebook", "run", folder, "--output", pages);

        Assert.True(one.ExitCode == 0, one.Error);
        Assert.Contains("b.html", before); // a single notebook is not a whole set: nothing removed
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"removed {Path.Combine(pages, "b.html")} (not written by this run)", run.Output);
        Assert.Contains($"removed {Path.Combine(pages, "b.ipynb")} (not written by this run)", run.Output);
        Assert.Equal(["a.html", "a.ipynb", "c.html", "c.ipynb", "notes.txt", "plain.ipynb"],
            Directory.GetFiles(pages).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var index = File.ReadAllText(RunIndex.Write(artifacts, "manifest.json"));
        Assert.Equal(["notebooks/a.html", "notebooks/c.html", "reports/scanner-report.html"],
            System.Text.RegularExpressions.Regex.Matches(index, "<li><a href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("missing.ipynb")]
    [InlineData("good.dib", "-p", "novalue")]
    [InlineData("good.dib", "-p", "class=1")]
    [InlineData("good.dib", "--cell-timeout", "0")]
    [InlineData("notes.txt")]
    public void Usage_errors_exit_2_before_running_anything(string file, params string[] more)
    {
        Write("good.dib", "#!csharp\nConsole.WriteLine(\"ran\");");
        Write("notes.txt", "x");

        var run = CliRun.Of(["notebook", "run", Path.Combine(_root, file), "--output", Out, .. more]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("spx: ", run.Error);
        Assert.DoesNotContain("ran", run.Output);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void A_value_that_does_not_fit_the_declared_parameter_type_is_a_usage_error()
    {
        var path = Write("typed.dib", "#!csharp\n// @parameters\nvar days = 30;");

        var run = CliRun.Of("notebook", "run", path, "--output", Out, "-p", "days=soon");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("parameter days=soon: 'soon' is not an int", run.Error);
    }

    [Fact]
    public void Help_describes_the_run_options()
    {
        var run = CliRun.Of("notebook", "run", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--output", "--allow-errors", "--parameter", "--cell-timeout" }) Assert.Contains(option, run.Output);
    }
}
