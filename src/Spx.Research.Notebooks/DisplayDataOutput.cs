using System.Text.Json;

namespace Spx.Research.Notebooks;

/// <summary>A value shown with <c>display(...)</c> (or an <c>#!html</c>/markdown cell), as one MIME bundle.</summary>
public sealed record DisplayDataOutput(MimeBundle Data, JsonElement? Metadata = null) : CellOutput;
