using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace Spx.Research.Notebooks.Execution;

/// <summary>
/// The outcome of one Roslyn submission: compile errors (the state did not move), or the new state with
/// the cell's exception if it threw, and its trailing-expression value (null when there is none, or it is null: both show nothing).
/// </summary>
internal sealed record SubmissionResult(
    IReadOnlyList<Diagnostic> Errors,
    ScriptState<object>? State,
    Exception? Exception,
    object? ReturnValue);
