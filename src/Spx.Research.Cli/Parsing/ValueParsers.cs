using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Spx.Research.Configuration;

namespace Spx.Research.Cli.Parsing;

/// <summary>
/// Strict parsers for option and argument values, so every malformed value is one usage error in the user's
/// terms (<c>--from '03/04/2025' is not a date: use YYYY-MM-DD</c>) instead of the parser's default, which
/// names .NET types, accepts culture-dependent dates and enum numbers, and spans several lines.
/// </summary>
/// <remarks>
/// Each parser is a plain function from the text to the value that throws <see cref="FormatException"/> with
/// what is wrong; <see cref="For{T}"/> turns it into a System.CommandLine custom parser that reports the
/// option (or argument) name and the value as given.
/// </remarks>
public static class ValueParsers
{
    /// <summary>A custom parser for a single-valued option or argument.</summary>
    public static Func<ArgumentResult, T> For<T>(Func<string, T> parse) => result =>
    {
        if (result.Tokens.Count == 0) return default!;
        var text = result.Tokens[0].Value;
        try
        {
            return parse(text);
        }
        catch (FormatException problem)
        {
            result.AddError($"{NameOf(result)} '{text}' {problem.Message}");
            return default!;
        }
    };

    /// <summary>A custom parser for an optional value: absent stays null.</summary>
    public static Func<ArgumentResult, T?> Optional<T>(Func<string, T> parse) where T : struct
    {
        var parser = For(parse);
        return result => result.Tokens.Count == 0 ? null : parser(result);
    }

    /// <summary>A custom parser for a list of values, each checked on its own.</summary>
    public static Func<ArgumentResult, T[]> Each<T>(Func<string, T> parse) => result =>
    {
        var values = new List<T>(result.Tokens.Count);
        foreach (var token in result.Tokens)
        {
            try
            {
                values.Add(parse(token.Value));
            }
            catch (FormatException problem)
            {
                result.AddError($"{NameOf(result)} '{token.Value}' {problem.Message}");
                return [];
            }
        }
        return [.. values];
    };

    /// <summary>A calendar date written <c>YYYY-MM-DD</c>, within <paramref name="first"/>..<paramref name="last"/> when given.</summary>
    /// <param name="range">What the bounds are, for the message (e.g. "the NYSE calendar's range").</param>
    public static Func<string, DateOnly> Date(DateOnly? first = null, DateOnly? last = null, string range = "the supported range") => text =>
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new FormatException("is not a date: use YYYY-MM-DD, e.g. 2025-03-04");
        if (date < first || date > last)
            throw new FormatException(last is null ? $"is before {Day(first)}, the start of {range}" : $"is outside {range}, {Day(first)}..{Day(last)}");
        return date;
    };

    /// <summary>A whole number in <paramref name="min"/>..<paramref name="max"/>.</summary>
    public static Func<string, int> Int(int min, int max = int.MaxValue) => text =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value >= min && value <= max ? value : throw new FormatException(Bounds(min, max))
            : throw new FormatException("is not a whole number");

    /// <summary>A whole number, any size (seeds).</summary>
    public static Func<string, long> Long() => text =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException("is not a whole number");

    /// <summary>A finite number of at least <paramref name="min"/> (exclusive when <paramref name="exclusive"/>).</summary>
    public static Func<string, double> Number(double min, bool exclusive = false) => text =>
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw new FormatException("is not a number");
        if (exclusive ? value <= min : value < min)
            throw new FormatException($"must be {(exclusive ? "greater than" : "at least")} {min.ToString(CultureInfo.InvariantCulture)}");
        return value;
    };

    /// <summary>One of <typeparamref name="T"/>'s names, any case; numbers are refused (the default parser takes any).</summary>
    public static Func<string, T> Choice<T>() where T : struct, Enum => text =>
        Enum.GetNames<T>().FirstOrDefault(name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase)) is { } match
            ? Enum.Parse<T>(match)
            : throw new FormatException($"is not one of: {ChoiceList<T>(", ")}");

    /// <summary>The names as users type them: <c>table|csv|json</c> with <paramref name="separator"/> "|".</summary>
    public static string ChoiceList<T>(string separator) where T : struct, Enum =>
        string.Join(separator, Enum.GetNames<T>().Select(name => name.ToLowerInvariant()));

    /// <summary>A duration such as <c>90s</c>, <c>5m</c>, <c>1h</c>, <c>2d</c> or <c>00:01:30</c>, within the bounds.</summary>
    public static Func<string, TimeSpan> Duration(TimeSpan min, TimeSpan max) => text =>
    {
        var value = Durations.Parse(text);
        return value >= min && value <= max
            ? value
            : throw new FormatException($"must be between {Durations.Format(min)} and {Durations.Format(max)}");
    };

    private static string NameOf(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : $"<{result.Argument.Name}>";

    private static string Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Bounds(int min, int max) =>
        max == int.MaxValue ? $"must be at least {min}" : $"must be between {min} and {max}";
}
