using Spx.Research.Notebooks.Execution;

namespace Spx.Research.Notebooks.Tests.Execution;

/// <summary>
/// Which files of an output folder are an earlier run's pages that this run did not write: the runner's executed
/// notebooks (top-level <c>metadata.spx</c>) and their pages, and nothing else.
/// </summary>
public sealed class StaleNotebookPagesTests
{
    private const string Executed = """{"cells":[],"metadata":{"spx":{"status":"completed"}},"nbformat":4,"nbformat_minor":5}""";
    private const string Plain = """{"cells":[],"metadata":{"kernelspec":{"name":".net-csharp"}},"nbformat":4,"nbformat_minor":5}""";

    [Fact]
    public void Finds_the_runners_pages_this_run_did_not_write_and_leaves_every_other_file()
    {
        using var temp = new TempDirectory();
        var kept = temp.Write("out/kept.ipynb", Executed);    // written by this run
        var keptPage = temp.Write("out/kept.html", "<p>kept</p>");
        temp.Write("out/gone.ipynb", Executed);               // an earlier run of a notebook since deleted
        temp.Write("out/gone.html", "<p>gone</p>");
        temp.Write("out/orphan.ipynb", Executed);             // its page already deleted by hand
        temp.Write("out/plain.ipynb", Plain);                 // a notebook, but not one the runner wrote
        temp.Write("out/plain.html", "<p>plain</p>");
        temp.Write("out/lone.html", "<p>no notebook beside it</p>");
        temp.Write("out/broken.ipynb", "not json");
        temp.Write("out/notes.txt", "notes");
        temp.Write("out/sub/deep.ipynb", Executed);           // only the folder itself is looked at

        var stale = StaleNotebookPages.Find(temp.File("out"), [kept, keptPage]);

        Assert.Equal([temp.File("out", "gone.html"), temp.File("out", "gone.ipynb"), temp.File("out", "orphan.ipynb")], stale);
    }

    [Fact]
    public void Remove_deletes_exactly_what_find_names()
    {
        using var temp = new TempDirectory();
        var kept = temp.Write("out/kept.ipynb", Executed);
        temp.Write("out/gone.ipynb", Executed);
        temp.Write("out/gone.html", "<p>gone</p>");
        temp.Write("out/notes.txt", "notes");

        var removed = StaleNotebookPages.Remove(temp.File("out"), [kept]);

        Assert.Equal([temp.File("out", "gone.html"), temp.File("out", "gone.ipynb")], removed);
        Assert.Equal(["kept.ipynb", "notes.txt"], Directory.GetFiles(temp.File("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_missing_folder_has_nothing_stale()
    {
        using var temp = new TempDirectory();
        Assert.Empty(StaleNotebookPages.Find(temp.File("nowhere"), []));
    }
}
