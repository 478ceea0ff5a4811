namespace Spx.Research.Polygon.Tests;

/// <summary>Recorded-shape response bodies under Fixtures/ (copied to the output folder).</summary>
internal static class Fixture
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static IReadOnlyList<string> All() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
}
