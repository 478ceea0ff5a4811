namespace Spx.Research.Notebooks;

/// <summary>The three nbformat cell types; a <c>.dib</c> has only code and markdown.</summary>
public enum CellKind
{
    Code,
    Markdown,
    Raw,
}
