using System.Text;

namespace Spx.Research.Configuration;

/// <summary>
/// <c>${VAR}</c> and <c>${VAR:-default}</c> in configuration values, as in a shell or Compose file: the default
/// applies when the variable is unset or empty; <c>$$</c> is a literal <c>$</c>. An unset variable without a
/// default is an error rather than an empty value, which would silently mean something else.
/// </summary>
public static class EnvironmentSubstitution
{
    /// <summary>The text with every reference replaced.</summary>
    /// <exception cref="FormatException">Names the unset variable, or the malformed reference.</exception>
    public static string Apply(string text, Func<string, string?> environment)
    {
        if (!text.Contains('$', StringComparison.Ordinal)) return text;
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '$' || i + 1 == text.Length) { result.Append(text[i]); continue; }
            if (text[i + 1] == '$') { result.Append('$'); i++; continue; }
            if (text[i + 1] != '{') { result.Append('$'); continue; }

            var end = text.IndexOf('}', i + 2);
            if (end < 0) throw new FormatException($"has an unclosed reference '{text[i..]}': expected ${{VAR}} or ${{VAR:-default}}");
            result.Append(Resolve(text[(i + 2)..end], environment));
            i = end;
        }
        return result.ToString();
    }

    private static string Resolve(string reference, Func<string, string?> environment)
    {
        var split = reference.IndexOf(":-", StringComparison.Ordinal);
        var name = split < 0 ? reference : reference[..split];
        if (!IsVariableName(name))
            throw new FormatException($"has a malformed reference '${{{reference}}}': expected ${{VAR}} or ${{VAR:-default}} with VAR made of letters, digits and _");
        var value = environment(name);
        if (!string.IsNullOrEmpty(value)) return value;
        if (split >= 0) return reference[(split + 2)..];
        return value ?? throw new FormatException($"uses ${{{name}}}, which is not set: set it, or give a default with ${{{name}:-value}}");
    }

    /// <summary>A portable environment variable name: a letter or <c>_</c>, then letters, digits or <c>_</c>.</summary>
    public static bool IsVariableName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
