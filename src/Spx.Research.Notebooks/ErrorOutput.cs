namespace Spx.Research.Notebooks;

/// <summary>
/// Why a cell failed. <see cref="EName"/> is the exception type name, or <c>CompilationError</c>,
/// <c>CellTimeout</c>, <c>UnsupportedMagic</c>, <c>UnsupportedKernel</c> for failures the runner detects.
/// </summary>
public sealed record ErrorOutput(string EName, string EValue, IReadOnlyList<string> Traceback) : CellOutput;
