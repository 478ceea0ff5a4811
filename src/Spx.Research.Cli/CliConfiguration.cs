using System.CommandLine;
using System.Runtime.CompilerServices;
using Spx.Research.Configuration;

namespace Spx.Research.Cli;

/// <summary>
/// The configuration a command line runs with: <c>--config FILE</c>, else <c>SPX_CONFIG</c>, else <c>./spx.yaml</c>
/// when present, else built-in defaults; the environment over the file. Loaded once per command line (before the
/// verb starts, so a bad file stops every verb) and shared by the verbs, which put their flags on top.
/// </summary>
public static class CliConfiguration
{
    private static readonly ConditionalWeakTable<ParseResult, SpxConfiguration> Loaded = new();

    /// <summary>The configuration for this command line.</summary>
    /// <exception cref="UsageException">The named file does not exist (exit code 2).</exception>
    /// <exception cref="ConfigurationException">The file's problems, one line each (exit code 1).</exception>
    public static SpxConfiguration Of(ParseResult parse) => Loaded.GetValue(parse, Load);

    private static SpxConfiguration Load(ParseResult parse)
    {
        var flag = parse.GetValue(CommonOptions.Config);
        var file = SpxConfiguration.Locate(flag, Environment.GetEnvironmentVariable);
        if (file is not null && !File.Exists(file))
            throw new UsageException(!string.IsNullOrWhiteSpace(flag)
                ? $"--config '{flag}': no such file"
                : $"${SpxConfiguration.FileVariable} names '{file}': no such file");
        return SpxConfiguration.Load(file);
    }
}
