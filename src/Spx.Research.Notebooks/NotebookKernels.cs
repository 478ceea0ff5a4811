using System.Text.Json;

namespace Spx.Research.Notebooks;

/// <summary>
/// Kernel names as Polyglot Notebooks uses them, and how a cell's kernel is resolved (§1.1 of
/// docs/notebooks-and-cake.md, after .NET Interactive's <c>InteractiveDocumentElementConverter</c>):
/// <c>polyglot_notebook.kernelName</c>, then <c>dotnet_interactive.language</c>, then the notebook's
/// <c>defaultKernelName</c>, then <c>kernelspec.name</c> without <c>.net-</c>; a first line
/// <c>#!xyz</c> naming a known kernel wins over all of them.
/// </summary>
public static class NotebookKernels
{
    public const string CSharp = "csharp";
    public const string Markdown = "markdown";
    public const string Html = "html";
    public const string Mermaid = "mermaid";

    /// <summary>The subkernels .NET Interactive ships, with their aliases (alias → name).</summary>
    private static readonly Dictionary<string, string> BuiltIn = new(StringComparer.OrdinalIgnoreCase)
    {
        ["csharp"] = "csharp", ["c#"] = "csharp", ["cs"] = "csharp",
        ["fsharp"] = "fsharp", ["f#"] = "fsharp", ["fs"] = "fsharp",
        ["pwsh"] = "pwsh", ["powershell"] = "pwsh",
        ["javascript"] = "javascript", ["js"] = "javascript",
        ["markdown"] = "markdown", ["md"] = "markdown",
        ["html"] = "html", ["sql"] = "sql", ["kql"] = "kql", ["mermaid"] = "mermaid",
        ["http"] = "http", ["value"] = "value",
    };

    /// <summary><c>polyglot_notebook.kernelInfo</c>, or the older top-level <c>kernelInfo</c>.</summary>
    public static JsonElement? KernelInfo(JsonElement? notebookMetadata) =>
        Json.Property(notebookMetadata, "polyglot_notebook", "kernelInfo") ?? Json.Property(notebookMetadata, "kernelInfo");

    /// <summary>The notebook's default kernel: <c>defaultKernelName</c>, else kernelspec without <c>.net-</c>, else csharp.</summary>
    public static string DefaultKernel(JsonElement? notebookMetadata)
    {
        var name = Json.StringAt(KernelInfo(notebookMetadata), "defaultKernelName");
        if (string.IsNullOrWhiteSpace(name) && Json.StringAt(notebookMetadata, "kernelspec", "name") is { Length: > 0 } spec)
        {
            name = spec.StartsWith(".net-", StringComparison.OrdinalIgnoreCase) ? spec[".net-".Length..] : spec;
        }
        return string.IsNullOrWhiteSpace(name) ? CSharp : Normalize(name, notebookMetadata);
    }

    /// <summary>The kernel of a code cell (see the type summary).</summary>
    public static string Resolve(JsonElement? notebookMetadata, JsonElement? cellMetadata, string source)
    {
        if (SelectorOnFirstLine(source) is { } selector && IsKnown(selector, notebookMetadata)) return Normalize(selector, notebookMetadata);
        var name = Json.StringAt(cellMetadata, "polyglot_notebook", "kernelName")
            ?? Json.StringAt(cellMetadata, "dotnet_interactive", "language");
        return string.IsNullOrWhiteSpace(name) ? DefaultKernel(notebookMetadata) : Normalize(name, notebookMetadata);
    }

    /// <summary>A name or alias mapped to its kernel name (lower case); unknown names are only lower-cased.</summary>
    public static string Normalize(string name, JsonElement? notebookMetadata = null)
    {
        var trimmed = name.Trim();
        foreach (var (kernel, aliases) in Declared(notebookMetadata))
        {
            if (kernel.Equals(trimmed, StringComparison.OrdinalIgnoreCase) || aliases.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
            {
                return BuiltIn.TryGetValue(kernel, out var builtIn) ? builtIn : kernel.ToLowerInvariant();
            }
        }
        return BuiltIn.TryGetValue(trimmed, out var known) ? known : trimmed.ToLowerInvariant();
    }

    /// <summary>True for a built-in kernel name or alias, or one the notebook's <c>kernelInfo.items</c> declares.</summary>
    public static bool IsKnown(string name, JsonElement? notebookMetadata = null) =>
        BuiltIn.ContainsKey(name.Trim())
        || Declared(notebookMetadata).Any(d => d.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase)
                                             || d.Aliases.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase));

    /// <summary><c>xyz</c> when the first non-blank line is <c>#!xyz</c> (with nothing after the name).</summary>
    public static string? SelectorOnFirstLine(string source)
    {
        var first = source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return first is not null ? Selector(first) : null;
    }

    /// <summary><c>xyz</c> for a line <c>#!xyz</c>; null for other lines and for magics with arguments.</summary>
    public static string? Selector(string line)
    {
        var trimmed = line.Trim();
        if (!trimmed.StartsWith("#!", StringComparison.Ordinal) || trimmed.Length <= 2) return null;
        var name = trimmed[2..];
        return name.Any(char.IsWhiteSpace) ? null : name;
    }

    private static IEnumerable<(string Name, IReadOnlyList<string> Aliases)> Declared(JsonElement? notebookMetadata)
    {
        if (Json.Property(KernelInfo(notebookMetadata), "items") is not { ValueKind: JsonValueKind.Array } items) yield break;
        foreach (var item in items.EnumerateArray())
        {
            if (Json.StringAt(item, "name") is { Length: > 0 } name) yield return (name, Json.Strings(Json.Property(item, "aliases")));
        }
    }
}
