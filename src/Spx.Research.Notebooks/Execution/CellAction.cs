namespace Spx.Research.Notebooks.Execution;

/// <summary>What the runner does with a code cell after preprocessing.</summary>
internal enum CellAction
{
    /// <summary>Compile and run the C# code.</summary>
    Run,

    /// <summary>A markdown-kernel cell: display its text as <c>text/markdown</c>.</summary>
    Markdown,

    /// <summary>An <c>#!html</c> cell: display its text as <c>text/html</c>.</summary>
    Html,

    /// <summary>Nothing to run (empty, or a kernel with nothing to execute here such as mermaid).</summary>
    Skip,

    /// <summary>The cell cannot run here (another language, <c>#r "nuget:"</c>, an unsupported magic).</summary>
    Fail,
}
