using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Spx.Research.Notebooks.Execution;
using Spx.Research.Notebooks.Formats;
using static Spx.Research.Notebooks.Tests.TestNotebooks;
using Spx.Research.Testing;

namespace Spx.Research.Notebooks.Tests.Execution;

/// <summary>
/// Our runner's defaults are the .NET Interactive C# kernel's, so a notebook that runs here runs in Polyglot
/// (the real kernel runs every notebook in tests/Spx.Research.Kernel.Tests).
/// </summary>
[Collection(RunnerCollection.Name)]
public class KernelDefaultsTests
{
    /// <summary>
    /// The C# kernel's imports, from the constructor of <c>CSharpKernel</c> (<c>ScriptOptions.Default…AddImports(…)</c>,
    /// dotnet/interactive src/Microsoft.DotNet.Interactive.CSharp/CSharpKernel.cs, as shipped in
    /// Microsoft.DotNet.Interactive.CSharp 1.0.0-beta.26120.1). No System.IO, no System.Threading.
    /// </summary>
    private static readonly string[] KernelImports =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    /// <summary>
    /// What the kernel's <c>using static Microsoft.DotNet.Interactive.Kernel</c> (its <c>UseKernelHelpers</c>, set up by
    /// the dotnet-interactive tool's KernelBuilder) gives a cell that <see cref="NotebookGlobals"/> also gives.
    /// </summary>
    private static readonly string[] KernelGlobals = ["display", "HTML"];

    [Fact]
    public void The_default_imports_are_the_kernels()
    {
        Assert.Equal(KernelImports, ScriptSession.Imports);
    }

    [Theory]
    [InlineData("Path.Combine(\"a\", \"b\")", "Path")]
    [InlineData("File.Exists(\"x\")", "File")]
    [InlineData("Thread.Sleep(0)", "Thread")]
    public async Task A_name_the_kernel_does_not_import_fails_here_too_until_the_cell_imports_it(string code, string name)
    {
        var runner = new NotebookRunner();

        var without = await runner.RunAsync(Of(Code(code)));
        var with = await runner.RunAsync(Of(Code($"using System.IO;\nusing System.Threading;\n{code}")));

        Assert.False(without.Succeeded);
        Assert.Contains($"CS0103: The name '{name}' does not exist in the current context", without.Failure!.Error!.EValue);
        Assert.True(with.Succeeded, with.FailureMessage);
    }

    [Fact]
    public void Our_globals_are_the_kernels_display_and_HTML_plus_runner_only_members()
    {
        Assert.Equal(["HTML", "NotebookPath", "Parameters", "display"], GlobalNames().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Repository_notebooks_use_nothing_only_our_runner_provides()
    {
        var runnerOnly = GlobalNames().Except(KernelGlobals).ToHashSet(StringComparer.Ordinal);
        var uses = new List<string>();
        foreach (var path in Directory.EnumerateFiles(Repository.Notebooks, "*.ipynb"))
        {
            var notebook = NotebookReader.Read(path);
            for (var i = 0; i < notebook.Cells.Count; i++)
            {
                if (notebook.Cells[i].Kind != CellKind.Code) continue;
                foreach (var name in UnqualifiedNames(notebook.Cells[i].Source).Where(runnerOnly.Contains))
                    uses.Add($"{Path.GetFileName(path)} cell {i + 1}: {name}");
            }
        }
        Assert.Empty(uses);
    }

    [Fact]
    public void The_scan_finds_a_runner_only_global_and_ignores_a_member_of_the_same_name()
    {
        var names = UnqualifiedNames("var x = Parameters[\"lakePath\"];\nvar y = options.NotebookPath;");

        Assert.Contains("Parameters", names);
        Assert.DoesNotContain("NotebookPath", names);
    }

    /// <summary>Public instance members a cell can call unqualified (the globals type's own, not object's).</summary>
    private static IEnumerable<string> GlobalNames() =>
        typeof(NotebookGlobals).GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m is PropertyInfo or FieldInfo || m is MethodInfo { IsSpecialName: false })
            .Select(m => m.Name)
            .Distinct();

    /// <summary>Simple names not on the right of a <c>.</c>: what would bind to a global.</summary>
    private static IReadOnlyList<string> UnqualifiedNames(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(kind: SourceCodeKind.Script));
        return tree.GetRoot().DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(n => n.Parent is not MemberAccessExpressionSyntax access || access.Expression == n)
            .Select(n => n.Identifier.ValueText)
            .ToArray();
    }
}
