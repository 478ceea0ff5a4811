namespace Spx.Research.Notebooks.Execution;

/// <summary>
/// A code cell after magic handling: the code to compile (magic lines blanked, so compiler line
/// numbers are the cell's own), whether to time it (<c>#!time</c>), warnings for ignored magics,
/// and the error when it cannot run here.
/// </summary>
internal sealed record PreparedCell(CellAction Action, string Code, bool Timed, IReadOnlyList<string> Warnings, ErrorOutput? Error = null);
