using Microsoft.CodeAnalysis.CSharp;

namespace Spx.Research.Notebooks.Execution;

/// <summary>One run parameter, <c>-p name=value</c>: a C# variable the injected parameters cell declares.</summary>
public sealed record NotebookParameter
{
    public NotebookParameter(string name, string value)
    {
        if (!SyntaxFacts.IsValidIdentifier(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None)
        {
            throw new NotebookParameterException($"parameter name '{name}' is not a C# identifier");
        }
        Name = name;
        Value = value;
    }

    public string Name { get; }

    /// <summary>The raw text; converted to the type the parameters cell declares when the cell is injected.</summary>
    public string Value { get; }

    /// <summary>Parses <c>name=value</c> (the value may be empty or contain '=').</summary>
    public static NotebookParameter Parse(string text)
    {
        var at = text.IndexOf('=');
        if (at <= 0) throw new NotebookParameterException($"parameter '{text}' is not name=value");
        return new NotebookParameter(text[..at].Trim(), text[(at + 1)..]);
    }
}
