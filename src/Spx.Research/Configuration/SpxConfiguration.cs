namespace Spx.Research.Configuration;

/// <summary>
/// The configuration every pipeline starts from: which <c>spx.yaml</c> (<paramref name="File"/>, null for none),
/// its settings with the environment applied over the file (<c>SPX_LAKE</c>), and which keys the file set.
/// Command-line flags go over this, in the CLI.
/// </summary>
/// <param name="Given">Keys set by the file, so a caller can tell a chosen value from a default.</param>
public sealed record SpxConfiguration(SpxSettings Settings, string? File, IReadOnlySet<string> Given)
{
    /// <summary>Names the configuration file when <c>--config</c> is absent.</summary>
    public const string FileVariable = "SPX_CONFIG";

    /// <summary>Read from the working directory when present and nothing else names a file.</summary>
    public const string DefaultFile = "spx.yaml";

    /// <summary>Overrides <c>lake.path</c>.</summary>
    public const string LakeVariable = "SPX_LAKE";

    /// <summary>Built-in defaults and the environment, no file.</summary>
    public static SpxConfiguration Defaults(Func<string, string?>? environment = null) =>
        WithEnvironment(new SpxSettings(), null, new HashSet<string>(), environment ?? Environment.GetEnvironmentVariable);

    /// <summary>
    /// The file named by <paramref name="file"/>, else by <c>SPX_CONFIG</c>, else <c>./spx.yaml</c> when it exists,
    /// else the defaults — with the environment applied.
    /// </summary>
    /// <exception cref="FileNotFoundException">A named file (argument or <c>SPX_CONFIG</c>) is missing.</exception>
    /// <exception cref="ConfigurationException">The file's problems, one line each.</exception>
    public static SpxConfiguration Load(string? file = null, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var chosen = Locate(file, environment);
        if (chosen is null) return Defaults(environment);
        var loaded = SettingsFile.Load(chosen, environment);
        return WithEnvironment(loaded.Settings, chosen, loaded.Given, environment);
    }

    /// <summary>Which file <see cref="Load"/> reads: the argument, <c>SPX_CONFIG</c>, or <c>./spx.yaml</c> if present; null for none.</summary>
    public static string? Locate(string? file, Func<string, string?> environment) =>
        !string.IsNullOrWhiteSpace(file) ? file
        : environment(FileVariable) is { Length: > 0 } variable ? variable
        : System.IO.File.Exists(DefaultFile) ? DefaultFile
        : null;

    /// <summary>The environment over the file: <c>SPX_LAKE</c> replaces <c>lake.path</c>.</summary>
    private static SpxConfiguration WithEnvironment(SpxSettings settings, string? file, IReadOnlySet<string> given, Func<string, string?> environment)
    {
        if (environment(LakeVariable) is { Length: > 0 } lake) settings = settings with { Lake = settings.Lake with { Path = lake } };
        return new SpxConfiguration(settings, file, given);
    }
}
