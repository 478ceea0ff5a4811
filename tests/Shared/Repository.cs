namespace Spx.Research.Testing;

/// <summary>Paths in the repository the tests run from, found by walking up from the test assembly to Spx.Research.sln.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Notebooks => Path.Combine(Root, "notebooks");

    /// <summary>The Release core the notebooks <c>#r</c> (artifacts/bin, as VS Code loads it).</summary>
    public static string ReleaseCore => Path.Combine(Root, "artifacts", "bin", "Spx.Research", "release", "Spx.Research.dll");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Spx.Research.sln"))) return folder.FullName;
        }
        throw new DirectoryNotFoundException($"no Spx.Research.sln above {AppContext.BaseDirectory}");
    }
}
