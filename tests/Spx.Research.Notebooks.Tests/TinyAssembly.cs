using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Spx.Research.Notebooks.Tests;

/// <summary>Compiles a one-type library (<c>Tiny.Answer.Value == 42</c>) to a path, for <c>#r "x.dll"</c> tests.</summary>
internal static class TinyAssembly
{
    public static void Emit(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var compilation = CSharpCompilation.Create(
            Path.GetFileNameWithoutExtension(path),
            [CSharpSyntaxTree.ParseText("namespace Tiny; public static class Answer { public static int Value => 42; }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var emitted = compilation.Emit(path);
        if (!emitted.Success) throw new InvalidOperationException(string.Join('\n', emitted.Diagnostics));
    }
}
