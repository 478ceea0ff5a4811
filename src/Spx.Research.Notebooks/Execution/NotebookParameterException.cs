namespace Spx.Research.Notebooks.Execution;

/// <summary>A <c>-p name=value</c> that cannot be used: a bad name, or a value that does not fit the declared type.</summary>
public sealed class NotebookParameterException(string message) : Exception(message);
