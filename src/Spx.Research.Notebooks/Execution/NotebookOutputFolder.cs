namespace Spx.Research.Notebooks.Execution;

/// <summary>
/// Where executed notebooks go by default: <c>artifacts/notebooks</c> under the repository root (the
/// nearest folder up from the current one holding <c>Spx.Research.sln</c>), beside the build output,
/// so CI publishes one <c>artifacts/</c> folder; outside a clone, <c>artifacts/notebooks</c> under the
/// current folder.
/// </summary>
public static class NotebookOutputFolder
{
    public const string RepositoryMarker = "Spx.Research.sln";

    public static string Default(string currentDirectory)
    {
        var start = Path.GetFullPath(currentDirectory);
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, RepositoryMarker))) return Path.Combine(folder.FullName, "artifacts", "notebooks");
        }
        return Path.Combine(start, "artifacts", "notebooks");
    }
}
