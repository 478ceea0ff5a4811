namespace Spx.Research.Postgres.Tests;

/// <summary>The clone the tests run from (the folder holding Spx.Research.sln), for the bundled sample lake.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Spx.Research.sln"))) return folder.FullName;
        throw new InvalidOperationException($"no Spx.Research.sln above {AppContext.BaseDirectory}");
    }
}
