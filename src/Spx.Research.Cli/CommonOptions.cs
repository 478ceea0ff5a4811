using System.CommandLine;
using Spx.Research.Cli.Output;
using Spx.Research.Cli.Parsing;
using Spx.Research.Market;

namespace Spx.Research.Cli;

/// <summary>Options shared by several verbs, defined once so names and help text agree.</summary>
public static class CommonOptions
{
    /// <summary>Environment variable that names the lake folder when <c>--lake</c> is absent.</summary>
    public const string LakeVariable = "SPX_LAKE";

    /// <summary>Where the lake lives when neither <c>--lake</c> nor <c>SPX_LAKE</c> says.</summary>
    public static readonly string DefaultLake = Path.Combine("data", "lake");

    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Show stack traces and extra diagnostics on errors",
        Recursive = true,
    };

    public static Option<OutputFormat> Format() => new("--format")
    {
        Description = "Output format",
        HelpName = ValueParsers.ChoiceList<OutputFormat>("|"),
        DefaultValueFactory = _ => OutputFormat.Table,
        CustomParser = ValueParsers.For(ValueParsers.Choice<OutputFormat>()),
    };

    /// <summary>A date option (<c>YYYY-MM-DD</c> only) for the verbs that work on NYSE sessions, so a date the calendar cannot answer for is a usage error.</summary>
    public static Func<System.CommandLine.Parsing.ArgumentResult, DateOnly> SessionDate() =>
        ValueParsers.For(ValueParsers.Date(NyseCalendar.FirstDate, NyseCalendar.LastDate, "the NYSE calendar's range"));

    public static Option<string?> Lake() => new("--lake")
    {
        Description = $"Lake folder (default: ${LakeVariable}, else ./{DefaultLake.Replace('\\', '/')})",
    };

    /// <summary><c>--lake</c>, then <c>SPX_LAKE</c>, then <c>./data/lake</c>, as a full path.</summary>
    public static string ResolveLake(string? option)
    {
        var chosen = !string.IsNullOrWhiteSpace(option) ? option
            : Environment.GetEnvironmentVariable(LakeVariable) is { Length: > 0 } env ? env
            : DefaultLake;
        return Path.GetFullPath(chosen);
    }
}
