using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Formatting;

namespace Spx.Research.Kernel.Tests;

/// <summary>
/// The C# kernel as the <c>dotnet-interactive</c> tool (what VS Code Polyglot and Jupyter start) sets it up, from
/// its <c>KernelBuilder.CreateKernel</c> and <c>SetUpFormatters</c> (repo dotnet/interactive, src/dotnet-interactive/KernelBuilder.cs):
/// a <see cref="CompositeKernel"/> with <c>new CSharpKernel().UseKernelHelpers().UseValueSharing()</c> under the
/// aliases <c>c#</c>/<c>C#</c>, and for a browser front end (VS Code, Jupyter) HTML as the default MIME type
/// except for strings. <c>#r "path.dll"</c> is the C# kernel's own; <c>#r "nuget:"</c> (the tool's
/// <c>UseNugetDirective</c>) is left out: our notebooks reference the build output, never packages.
/// </summary>
internal static class PolyglotKernel
{
    public static CompositeKernel Create()
    {
        Formatter.ResetToDefault();
        Formatter.DefaultMimeType = HtmlFormatter.MimeType;
        Formatter.SetPreferredMimeTypesFor(typeof(string), PlainTextFormatter.MimeType);
        var kernel = new CompositeKernel();
        kernel.Add(new CSharpKernel().UseKernelHelpers().UseValueSharing(), ["c#", "C#"]);
        kernel.DefaultKernelName = "csharp";
        return kernel;
    }
}
