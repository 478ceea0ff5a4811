namespace Spx.Research.Notebooks;

/// <summary>Text a cell wrote to <c>stdout</c> or <c>stderr</c>; consecutive writes to one stream are merged.</summary>
public sealed record StreamOutput(string Name, string Text) : CellOutput
{
    public const string StandardOutput = "stdout";
    public const string StandardError = "stderr";
}
