using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Spx.Research.DuckDb.Native;

/// <summary>
/// Finds the native DuckDB library. The build copies it beside our assemblies; when an assembly is
/// loaded from elsewhere (a notebook's <c>#r</c>, a shadow copy) we look in <c>SPX_DUCKDB_LIBRARY</c>,
/// beside the assembly, and in the <c>node_modules</c> of any parent folder, in that order.
/// </summary>
internal static class DuckDbLibrary
{
    /// <summary>The name every <c>[LibraryImport]</c> in this assembly uses.</summary>
    public const string Name = "duckdb";

    /// <summary>Environment variable that names the library file explicitly.</summary>
    public const string PathVariable = "SPX_DUCKDB_LIBRARY";

    // A library module initializer is deliberate: the resolver must be in place before the first
    // P/Invoke, whichever public type a caller touches first.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(DuckDbLibrary).Assembly, Resolve);

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != Name) return IntPtr.Zero;
        foreach (var candidate in Candidates(assembly))
        {
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle)) return handle;
        }
        // Fall back to the system search path (e.g. a libduckdb installed by a package manager).
        return NativeLibrary.TryLoad(FileName, assembly, searchPath, out var system) ? system : IntPtr.Zero;
    }

    private static IEnumerable<string> Candidates(Assembly assembly)
    {
        var explicitPath = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(explicitPath)) yield return explicitPath;

        var folders = new[] { Path.GetDirectoryName(assembly.Location), AppContext.BaseDirectory }
            .Where(f => !string.IsNullOrEmpty(f)).Distinct().ToArray();
        foreach (var folder in folders) yield return Path.Combine(folder!, FileName);

        foreach (var folder in folders)
        {
            for (var dir = new DirectoryInfo(folder!); dir is not null; dir = dir.Parent)
            {
                yield return Path.Combine(dir.FullName, "node_modules", "@duckdb", NpmPackage, FileName);
            }
        }
    }

    private static string FileName =>
        OperatingSystem.IsWindows() ? "duckdb.dll" : OperatingSystem.IsMacOS() ? "libduckdb.dylib" : "libduckdb.so";

    private static string NpmPackage
    {
        get
        {
            var os = OperatingSystem.IsWindows() ? "win32" : OperatingSystem.IsMacOS() ? "darwin" : "linux";
            var arch = RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
            return $"node-bindings-{os}-{arch}";
        }
    }
}
