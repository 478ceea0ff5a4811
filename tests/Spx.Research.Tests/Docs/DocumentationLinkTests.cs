using System.Text.RegularExpressions;
using Spx.Research.Testing;

namespace Spx.Research.Tests.Docs;

/// <summary>
/// A clone has only what the repository holds: every relative link in its Markdown must land on a file
/// in it, and nothing may point at the workspace's <c>shared/docs</c> folder, which a user never gets.
/// </summary>
public sealed partial class DocumentationLinkTests
{
    private static readonly string Root = Repository.Root;

    public static TheoryData<string> MarkdownFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Root, "*.md", SearchOption.AllDirectories)
                     .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
                     .Where(f => !IsGenerated(f))
                     .Order(StringComparer.Ordinal))
            data.Add(file);
        return data;
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void Every_relative_link_resolves_to_a_file_in_the_repository(string markdown)
    {
        var path = Path.Combine(Root, markdown);
        var broken = RelativeLinks(File.ReadAllText(path))
            .Where(target => !Exists(Path.GetDirectoryName(path)!, target))
            .ToList();
        Assert.True(broken.Count == 0, $"{markdown}: broken links: {string.Join(", ", broken)}");
    }

    [Fact]
    public void No_source_or_document_points_at_the_workspace_shared_docs()
    {
        var extensions = new[] { ".md", ".cs", ".cake", ".ipynb", ".sh", ".ps1", ".csproj", ".targets", ".props" };
        var offenders = Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(f => extensions.Contains(Path.GetExtension(f)))
            .Where(f => !IsGenerated(Path.GetRelativePath(Root, f).Replace('\\', '/')))
            .Where(f => !f.EndsWith(nameof(DocumentationLinkTests) + ".cs", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("shared/docs", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Root, f))
            .ToList();
        Assert.True(offenders.Count == 0, "cite docs/ in the repository instead of shared/docs: " + string.Join(", ", offenders));
    }

    [Fact]
    public void The_link_check_finds_a_broken_link()
    {
        var links = RelativeLinks("see [a](docs/none.md#x), [b](https://example.org), [c](#local), ![d](img/p.png \"t\")").ToList();
        Assert.Equal(["docs/none.md#x", "img/p.png"], links);
        Assert.False(Exists(Root, "docs/none.md#x"));
        Assert.True(Exists(Root, "README.md#start-here"));
    }

    private static IEnumerable<string> RelativeLinks(string markdown) =>
        LinkPattern().Matches(markdown)
            .Select(m => m.Groups["target"].Value)
            .Where(t => !t.StartsWith('#') && !t.Contains("://", StringComparison.Ordinal) && !t.StartsWith("mailto:", StringComparison.Ordinal));

    private static bool Exists(string folder, string target)
    {
        var file = target.Split('#')[0];
        var full = Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(file)));
        return full.StartsWith(Root, StringComparison.Ordinal) && (File.Exists(full) || Directory.Exists(full));
    }

    private static bool IsGenerated(string relative) =>
        relative.StartsWith("artifacts/", StringComparison.Ordinal) || relative.StartsWith("node_modules/", StringComparison.Ordinal)
        || relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal)
        || relative.StartsWith(".git/", StringComparison.Ordinal);

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex LinkPattern();
}
