using System.CommandLine;
using Spx.Research.Cli.Output;
using Spx.Research.Cli.Parsing;
using Spx.Research.Configuration;
using Spx.Research.Market;

namespace Spx.Research.Cli;

/// <summary>Options shared by several verbs, defined once so names and help text agree.</summary>
public static class CommonOptions
{
    /// <summary>Environment variable that names the lake folder when <c>--lake</c> is absent; it overrides <c>lake.path</c>.</summary>
    public const string LakeVariable = SpxConfiguration.LakeVariable;

    /// <summary>Where the lake lives when neither <c>--lake</c>, <c>SPX_LAKE</c> nor <c>spx.yaml</c> says.</summary>
    public static readonly string DefaultLake = new LakeSettings().Path;

    /// <summary><c>--config FILE</c>, on every verb: the file every verb's defaults come from (see <see cref="CliConfiguration"/>).</summary>
    public static readonly Option<string?> Config = new("--config")
    {
        Description = $"Configuration file (default: ${SpxConfiguration.FileVariable}, else ./{SpxConfiguration.DefaultFile} when present, else built-in defaults)",
        HelpName = "file",
        Recursive = true,
    };

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
        Description = $"Lake folder (default: ${LakeVariable}, else lake.path of the configuration, else ./{DefaultLake.Replace('\\', '/')})",
    };

    /// <summary><c>--lake</c>, then <c>SPX_LAKE</c>, then <c>lake.path</c> of the configuration, then <c>./data/lake</c>, as a full path.</summary>
    public static string ResolveLake(ParseResult parse, Option<string?> lake) =>
        Path.GetFullPath(parse.GetValue(lake) is { } option && !string.IsNullOrWhiteSpace(option)
            ? option
            : CliConfiguration.Of(parse).Settings.Lake.Path);
}
