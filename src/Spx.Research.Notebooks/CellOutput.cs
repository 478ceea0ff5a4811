namespace Spx.Research.Notebooks;

/// <summary>
/// One nbformat 4 output of a code cell: <see cref="StreamOutput"/>, <see cref="DisplayDataOutput"/>,
/// <see cref="ExecuteResultOutput"/> or <see cref="ErrorOutput"/>.
/// </summary>
public abstract record CellOutput;
