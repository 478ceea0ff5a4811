using System.Text;

namespace Spx.Research.Reporting;

/// <summary>
/// The one plotly.js bundle every report and notebook page uses: npm <c>plotly.js-dist-min</c> at an exact
/// version, copied by the build beside <c>Spx.Research.dll</c> as <c>plotly/plotly.min.js</c>. Pages inline it
/// or copy it next to themselves; nothing ever loads plotly.js from a CDN, so reports open offline and in CI.
/// </summary>
public static class PlotlyJs
{
    /// <summary>
    /// The plotly.js version the figure model is written for (v3 title objects, v4 colour rules). Pinned in
    /// the repository's package.json; <see cref="LocateBundle"/> refuses a bundle of another version.
    /// </summary>
    public const string Version = "4.1.2";

    /// <summary>File name of the minified bundle, both in the npm package and beside a saved page.</summary>
    public const string BundleFileName = "plotly.min.js";

    /// <summary>Folder beside the core assembly that holds the bundle.</summary>
    public const string BundleFolder = "plotly";

    private const string PackageFolder = "node_modules/plotly.js-dist-min";

    private static string? _bundle;

    /// <summary>
    /// Full path of the plotly.js bundle: <c>plotly/plotly.min.js</c> beside the core assembly (or the app's
    /// base folder), else <c>node_modules/plotly.js-dist-min/plotly.min.js</c> in the nearest folder above the
    /// assembly or the current directory that has one. A file whose header names another version is passed
    /// over, so a stale node_modules cannot slip in a different plotly.js.
    /// </summary>
    /// <exception cref="FileNotFoundException">No plotly.js <see cref="Version"/> bundle at any of the places listed in the message.</exception>
    public static string LocateBundle()
    {
        var looked = new List<string>();
        foreach (var candidate in Candidates())
        {
            if (!File.Exists(candidate))
            {
                looked.Add(candidate);
                continue;
            }
            var found = HeaderVersion(candidate);
            if (found == Version)
                return candidate;
            looked.Add($"{candidate} (plotly.js {found ?? "of unknown version"}, not {Version})");
        }

        throw new FileNotFoundException(
            $"plotly.js {Version} ({BundleFileName}) was not found. Build the solution (it runs 'npm ci' and copies " +
            $"{PackageFolder}/{BundleFileName} to {BundleFolder}/{BundleFileName} beside Spx.Research.dll). Looked in:" +
            Environment.NewLine + string.Join(Environment.NewLine, looked.Select(path => "  " + path)),
            BundleFileName);
    }

    /// <summary>The bundle's script text, read once per process (it is ~4.8 MB) and then served from memory.</summary>
    /// <exception cref="FileNotFoundException">See <see cref="LocateBundle"/>.</exception>
    public static string ReadBundle() => _bundle ??= File.ReadAllText(LocateBundle(), Encoding.UTF8);

    private static IEnumerable<string> Candidates()
    {
        var assemblyFolder = Path.GetDirectoryName(typeof(PlotlyJs).Assembly.Location);

        // Beside the assembly first: that is what the build put there for this very build. The base folder
        // covers single-file apps, whose assembly has no location.
        var besides = Folders(assemblyFolder, AppContext.BaseDirectory);
        foreach (var folder in besides)
            yield return Path.Combine(folder, BundleFolder, BundleFileName);

        // Then a repository checkout: node_modules above the assembly (artifacts/bin/...) or the working folder.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in Folders(assemblyFolder, Directory.GetCurrentDirectory()))
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var path = Path.Combine(folder.FullName, PackageFolder, BundleFileName);
                if (seen.Add(path))
                    yield return path;
            }
        }
    }

    private static List<string> Folders(params string?[] folders) =>
        folders.Where(folder => !string.IsNullOrEmpty(folder))
            .Select(folder => Path.GetFullPath(folder!))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The version in the bundle's licence header (<c>* plotly.js v4.1.2</c>), or null if there is none.</summary>
    private static string? HeaderVersion(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var buffer = new char[512];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        var header = new string(buffer, 0, read);
        const string marker = "plotly.js v";
        var at = header.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
            return null;
        var start = at + marker.Length;
        var end = start;
        while (end < header.Length && (char.IsAsciiDigit(header[end]) || header[end] == '.'))
            end++;
        return end > start ? header[start..end] : null;
    }
}
