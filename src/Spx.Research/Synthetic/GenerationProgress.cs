namespace Spx.Research.Synthetic;

/// <summary>Progress of a generation run: sessions written so far out of the total, and rows written.</summary>
public readonly record struct GenerationProgress(int SessionsDone, int SessionsTotal, DateOnly LastDate, long RowsWritten);
