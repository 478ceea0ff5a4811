namespace Spx.Research.Cli.Tests;

/// <summary>
/// <c>spx notebook run --reproducible</c> (the built spx as a process): two runs of the same notebook write the same
/// bytes, with the run's instant taken from <c>SOURCE_DATE_EPOCH</c>; without the flag the times are the clock's.
/// </summary>
public sealed class NotebookReproducibleTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("spx-nb-repro-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Two_reproducible_runs_write_the_same_bytes_at_SOURCE_DATE_EPOCH()
    {
        var notebook = WriteNotebook();
        var epoch = new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1741000000" }; // 2025-03-03T11:06:40Z

        var one = CliRun.Process(_root, epoch, "notebook", "run", notebook, "--reproducible", "--output", Path.Combine(_root, "one"));
        var two = CliRun.Process(_root, epoch, "notebook", "run", notebook, "--reproducible", "--output", Path.Combine(_root, "two"));

        Assert.True(one.ExitCode == 0, one.Error);
        Assert.True(two.ExitCode == 0, two.Error);
        foreach (var file in new[] { "work.ipynb", "work.html" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(_root, "one", file)), File.ReadAllBytes(Path.Combine(_root, "two", file)));
        var executed = File.ReadAllText(Path.Combine(_root, "one", "work.ipynb"));
        Assert.Contains("\"2025-03-03T11:06:40", executed);
        Assert.Contains("Wall time: 0 ms", executed);
    }

    [Fact]
    public void Without_the_flag_the_run_carries_the_clocks_time()
    {
        var notebook = WriteNotebook();

        var run = CliRun.Process(_root, new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1741000000" }, "notebook", "run", notebook, "--output", Path.Combine(_root, "out"));

        Assert.True(run.ExitCode == 0, run.Error);
        var executed = File.ReadAllText(Path.Combine(_root, "out", "work.ipynb"));
        Assert.DoesNotContain("\"2025-03-03T11:06:40", executed);
        Assert.Contains($"\"{DateTime.UtcNow:yyyy}-", executed);
    }

    /// <summary>A notebook with a timed cell (its "Wall time" output is a duration) and a printing cell.</summary>
    private string WriteNotebook()
    {
        var path = Path.Combine(_root, "work.ipynb");
        File.WriteAllText(path, """
            {"cells": [
              {"cell_type": "code", "metadata": {}, "outputs": [], "source": ["#!time\n", "System.Threading.Thread.Sleep(20);"]},
              {"cell_type": "code", "metadata": {}, "outputs": [], "source": ["Console.WriteLine(6 * 7);"]}
             ],
             "metadata": {"kernelspec": {"name": ".net-csharp", "display_name": ".NET (C#)", "language": "C#"}},
             "nbformat": 4, "nbformat_minor": 5}
            """);
        return path;
    }
}
