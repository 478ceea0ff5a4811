namespace Spx.Research.Notebooks.Execution;

/// <summary>
/// Pages an earlier run left in an output folder that this run did not write: the executed notebook and HTML page
/// of a notebook since deleted, renamed or not part of this run. The runner's own files are told by content, not
/// by name: an executed <c>.ipynb</c> carries the runner's <c>metadata.spx</c>, and the <c>.html</c> of the same
/// name was written with it. Any other file (a notebook without that metadata, a lone page, notes) is not the
/// runner's and is left alone, so an index of the folder links exactly one run's notebooks.
/// </summary>
public static class StaleNotebookPages
{
    /// <summary>The runner's <c>.ipynb</c> and <c>.html</c> files in <paramref name="folder"/> that are not among <paramref name="written"/>, sorted.</summary>
    /// <param name="written">Full paths this run wrote (<see cref="NotebookRunResult.OutputNotebookPath"/>, <see cref="NotebookRunResult.OutputHtmlPath"/>).</param>
    public static IReadOnlyList<string> Find(string folder, IEnumerable<string> written)
    {
        if (!Directory.Exists(folder)) return [];
        var keep = written.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        var stale = new List<string>();
        foreach (var notebook in Directory.GetFiles(Path.GetFullPath(folder), "*.ipynb"))
        {
            if (keep.Contains(notebook) || !WrittenByRunner(notebook)) continue;
            stale.Add(notebook);
            var page = Path.ChangeExtension(notebook, ".html");
            if (File.Exists(page) && !keep.Contains(page)) stale.Add(page);
        }
        return stale.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Deletes what <see cref="Find"/> finds and returns the deleted paths.</summary>
    public static IReadOnlyList<string> Remove(string folder, IEnumerable<string> written)
    {
        var stale = Find(folder, written);
        foreach (var path in stale) File.Delete(path);
        return stale;
    }

    /// <summary>Whether the notebook's top-level metadata holds the runner's run record (<see cref="NotebookRunner.MetadataKey"/>).</summary>
    private static bool WrittenByRunner(string notebook) =>
        Json.Property(Json.TryParse(File.ReadAllText(notebook)), "metadata", NotebookRunner.MetadataKey)?.ValueKind == System.Text.Json.JsonValueKind.Object;
}
