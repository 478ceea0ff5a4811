namespace Spx.Research.Kernel.Tests;

/// <summary>Paths in the repository these tests run from.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Notebooks => Path.Combine(Root, "notebooks");

    /// <summary>The Release core the notebooks <c>#r</c>; this project builds it first (a reference without its assembly).</summary>
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
