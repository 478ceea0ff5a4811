using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Spx.Research.Notebooks.Execution;

/// <summary>
/// One notebook's Roslyn <see cref="ScriptState"/> chain: each cell is a submission continuing from the
/// last good state, so variables, types and <c>#r</c> references carry from cell to cell as in Polyglot.
/// <c>#r</c> and <c>#load</c> resolve against the notebook's folder (VS Code sets the kernel's working
/// directory there). The imports are exactly .NET Interactive's C# kernel's, so a notebook that compiles
/// here compiles in Polyglot: a cell that needs <c>System.IO</c> says <c>using System.IO;</c> in both.
/// </summary>
internal sealed class ScriptSession(string baseDirectory, NotebookGlobals globals)
{
    /// <summary>
    /// The C# kernel's default imports, in its order (the <c>AddImports</c> call in the constructor of
    /// <c>CSharpKernel</c>, dotnet/interactive src/Microsoft.DotNet.Interactive.CSharp/CSharpKernel.cs, the
    /// 1.0.0-beta.26120.1 package the kernel tests run). Its <c>using static Microsoft.DotNet.Interactive.Kernel</c>
    /// is what <see cref="NotebookGlobals"/> stands for.
    /// </summary>
    public static IReadOnlyList<string> Imports { get; } =
    [
        "System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq",
    ];

    private static readonly Assembly[] References =
    [
        typeof(object).Assembly,                                   // System.Private.CoreLib
        typeof(Enumerable).Assembly,                               // System.Linq
        typeof(List<>).Assembly,                                   // System.Collections
        typeof(System.Collections.Concurrent.ConcurrentDictionary<,>).Assembly,
        typeof(Console).Assembly,
        typeof(System.Text.RegularExpressions.Regex).Assembly,
        typeof(System.Text.Json.JsonSerializer).Assembly,
        typeof(System.Net.Http.HttpClient).Assembly,
        typeof(System.Linq.Expressions.Expression).Assembly,
        typeof(System.ComponentModel.INotifyPropertyChanged).Assembly,
        typeof(System.Diagnostics.Stopwatch).Assembly,
        typeof(Microsoft.CSharp.RuntimeBinder.Binder).Assembly,    // dynamic
        typeof(NotebookGlobals).Assembly,
    ];

    private readonly ScriptOptions _options = ScriptOptions.Default
        .AddReferences(References)
        .WithImports(Imports)
        .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory))
        .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, baseDirectory))
        .WithLanguageVersion(LanguageVersion.Latest);

    private ScriptState<object>? _state;

    public NotebookGlobals Globals { get; } = globals;

    /// <summary>
    /// Compiles and runs <paramref name="code"/> after the current state, without moving it: the caller
    /// <see cref="Advance"/>s only with a result it accepts (not one from a cell it gave up on).
    /// </summary>
    public async Task<SubmissionResult> RunAsync(string code, CancellationToken cancellationToken)
    {
        var script = _state is null
            ? CSharpScript.Create<object>(code, _options, typeof(NotebookGlobals))
            : _state.Script.ContinueWith<object>(code, _options);
        var errors = script.Compile(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0) return new SubmissionResult(errors, null, null, null);

        // A throwing cell still yields a state: what it declared before throwing stays usable, as in Jupyter.
        var state = _state is null
            ? await script.RunAsync(Globals, _ => true, cancellationToken).ConfigureAwait(false)
            : await script.RunFromAsync(_state, _ => true, cancellationToken).ConfigureAwait(false);
        return new SubmissionResult([], state, state.Exception, state.Exception is null ? state.ReturnValue : null);
    }

    public void Advance(ScriptState<object> state) => _state = state;

    /// <summary>One line per compiler error, at the cell's own line numbers (or a <c>#load</c>ed file's).</summary>
    public static string Describe(Diagnostic diagnostic)
    {
        var message = $"{diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        if (!diagnostic.Location.IsInSource) return message;
        var span = diagnostic.Location.GetMappedLineSpan();
        var (line, column) = (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
        return string.IsNullOrEmpty(span.Path) ? $"line {line}, col {column}: {message}" : $"{span.Path}({line},{column}): {message}";
    }
}
