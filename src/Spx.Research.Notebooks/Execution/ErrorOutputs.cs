using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Spx.Research.Notebooks.Execution;

/// <summary>The <c>error</c> outputs the runner writes: compile errors, exceptions, timeouts.</summary>
internal static class ErrorOutputs
{
    public static ErrorOutput Compilation(IReadOnlyList<Diagnostic> errors, string where)
    {
        var lines = errors.Select(ScriptSession.Describe).ToArray();
        return new ErrorOutput("CompilationError", string.Join('\n', lines), [$"{where} does not compile:", .. lines]);
    }

    /// <summary>The exception's type and message; the traceback without Roslyn's own frames.</summary>
    public static ErrorOutput Exception(Exception exception)
    {
        var thrown = Unwrap(exception);
        var traceback = thrown.ToString().Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => !l.Contains("Microsoft.CodeAnalysis.Scripting.", StringComparison.Ordinal)
                        && !l.Contains("--- End of stack trace from previous location ---", StringComparison.Ordinal))
            .ToArray();
        return new ErrorOutput(thrown.GetType().Name, thrown.Message, traceback);
    }

    public static ErrorOutput Timeout(string where, TimeSpan limit)
    {
        var message = $"{where} did not finish within {Seconds(limit)} (the cell timeout); the run stops here";
        return new ErrorOutput("CellTimeout", message, [message]);
    }

    private static Exception Unwrap(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        _ => exception,
    };

    private static string Seconds(TimeSpan span) =>
        span.TotalSeconds >= 1 ? $"{span.TotalSeconds:0.###} s" : $"{span.TotalMilliseconds:0} ms";
}
