using System.Text.RegularExpressions;

namespace Spx.Research.Notebooks.Execution;

/// <summary>
/// Handles Polyglot magics before Roslyn sees a cell (docs/notebooks-and-cake.md §1.3). Kept:
/// <c>#r "x.dll"</c> and <c>#load</c> (Roslyn resolves them against the notebook's folder). Blanked:
/// <c>#!csharp</c>/<c>#!c#</c>/<c>#!cs</c> selectors (Roslyn rejects them after line 1), a shebang,
/// <c>#!time</c> (emulated), <c>#i</c> package sources and introspection magics (with a warning).
/// Errors: <c>#r "nuget:…"</c> (this runner restores no packages), other kernels' cells and magics
/// it cannot emulate (<c>#!set</c>, <c>#!share</c>, <c>#!import</c>, …). Lines are blanked rather than
/// removed so a compiler error's line number is the line in the notebook cell.
/// </summary>
internal static partial class CellPreprocessor
{
    private static readonly HashSet<string> CSharpSelectors = new(StringComparer.OrdinalIgnoreCase) { "csharp", "c#", "cs" };
    private static readonly HashSet<string> IgnoredMagics = new(StringComparer.OrdinalIgnoreCase) { "who", "whos", "lsmagic", "about" };

    /// <param name="kernel">The cell's resolved kernel (<see cref="Notebook.KernelOf"/>).</param>
    /// <param name="source">The cell text.</param>
    /// <param name="where">How messages name the cell, e.g. <c>cell 3 of notebooks/x.ipynb</c>.</param>
    public static PreparedCell Prepare(string kernel, string source, string where)
    {
        var text = source.Replace("\r\n", "\n");
        switch (kernel)
        {
            case NotebookKernels.CSharp:
                break;
            case NotebookKernels.Markdown:
                return new PreparedCell(CellAction.Markdown, WithoutSelector(text), false, []);
            case NotebookKernels.Html:
                return new PreparedCell(CellAction.Html, WithoutSelector(text), false, []);
            case NotebookKernels.Mermaid:
                return new PreparedCell(CellAction.Skip, "", false, [$"{where}: mermaid cell skipped (no mermaid renderer in the headless runner)"]);
            default:
                return Fail("UnsupportedKernel", $"{where} is a '{kernel}' cell; the headless runner runs C# only (csharp, markdown and html cells)");
        }

        var lines = text.Split('\n');
        var warnings = new List<string>();
        var timed = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                var name = MagicName(line);
                if (i == 0 && line.StartsWith("#!/", StringComparison.Ordinal)) lines[i] = ""; // shebang
                else if (CSharpSelectors.Contains(name)) lines[i] = "";
                else if (name.Equals("time", StringComparison.OrdinalIgnoreCase))
                {
                    timed = true;
                    lines[i] = "";
                }
                else if (IgnoredMagics.Contains(name))
                {
                    warnings.Add($"{where}, line {i + 1}: #!{name} ignored by the headless runner");
                    lines[i] = "";
                }
                else if (NotebookKernels.IsKnown(name))
                {
                    return Fail("UnsupportedKernel", $"{where}, line {i + 1}: #!{name} switches kernel inside a C# cell; split it into its own cell (the headless runner runs C# only)");
                }
                else
                {
                    return Fail("UnsupportedMagic", $"{where}, line {i + 1}: the magic command #!{name} is not supported by the headless runner");
                }
            }
            else if (NuGetReference().Match(line) is { Success: true } nuget)
            {
                var package = nuget.Groups["package"].Value.Trim();
                return Fail("NuGetReference",
                    $"{where}, line {i + 1}: #r \"nuget:{package}\" needs a NuGet restore, which the headless runner does not do; "
                    + $"reference a built assembly with #r \"path/to/{PackageId(package)}.dll\" instead");
            }
            else if (PackageSource().IsMatch(line))
            {
                warnings.Add($"{where}, line {i + 1}: {line} ignored (the headless runner restores no packages)");
                lines[i] = "";
            }
        }
        var code = string.Join('\n', lines);
        return new PreparedCell(code.Trim().Length == 0 ? CellAction.Skip : CellAction.Run, code, timed, warnings);

        PreparedCell Fail(string ename, string message) => new(CellAction.Fail, "", false, [], new ErrorOutput(ename, message, [message]));
    }

    private static string MagicName(string line)
    {
        var rest = line[2..];
        var end = rest.IndexOfAny([' ', '\t']);
        return end < 0 ? rest : rest[..end];
    }

    private static string PackageId(string package) => package.Split(',')[0].Trim();

    /// <summary>The cell text without its first line when that line is a <c>#!kernel</c> selector.</summary>
    private static string WithoutSelector(string text)
    {
        var lines = text.Split('\n').ToList();
        var first = lines.FindIndex(l => l.Trim().Length > 0);
        if (first >= 0 && NotebookKernels.Selector(lines[first]) is { } name && NotebookKernels.IsKnown(name)) lines.RemoveAt(first);
        return string.Join('\n', lines).Trim('\n');
    }

    [GeneratedRegex("""^#r\s+"\s*nuget\s*:(?<package>[^"]*)"?""", RegexOptions.IgnoreCase)]
    private static partial Regex NuGetReference();

    [GeneratedRegex("""^#i\s+""", RegexOptions.IgnoreCase)]
    private static partial Regex PackageSource();
}
