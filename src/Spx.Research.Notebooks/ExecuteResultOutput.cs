using System.Text.Json;

namespace Spx.Research.Notebooks;

/// <summary>The value of a cell's trailing expression (no semicolon), as one MIME bundle.</summary>
public sealed record ExecuteResultOutput(MimeBundle Data, int? ExecutionCount, JsonElement? Metadata = null) : CellOutput;
