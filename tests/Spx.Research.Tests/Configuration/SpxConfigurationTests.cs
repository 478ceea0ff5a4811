using Spx.Research.Configuration;

namespace Spx.Research.Tests.Configuration;

/// <summary>Which file is read (argument, SPX_CONFIG, ./spx.yaml, none) and the environment over the file (SPX_LAKE), on real files.</summary>
public sealed class SpxConfigurationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("spx-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string yaml)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public void The_argument_beats_SPX_CONFIG_and_SPX_LAKE_beats_the_file()
    {
        var named = Write("named.yaml", "lake:\n  path: from-named\n");
        var variable = Write("variable.yaml", "lake:\n  path: from-variable\n");
        var environment = new Dictionary<string, string> { ["SPX_CONFIG"] = variable };

        Assert.Equal("from-named", SpxConfiguration.Load(named, environment.GetValueOrDefault).Settings.Lake.Path);
        Assert.Equal(named, SpxConfiguration.Load(named, environment.GetValueOrDefault).File);
        Assert.Equal("from-variable", SpxConfiguration.Load(null, environment.GetValueOrDefault).Settings.Lake.Path);

        environment["SPX_LAKE"] = "/from/env";
        var withLake = SpxConfiguration.Load(named, environment.GetValueOrDefault);
        Assert.Equal("/from/env", withLake.Settings.Lake.Path);
        Assert.Contains("lake.path", withLake.Given);
    }

    [Fact]
    public void No_file_anywhere_is_the_defaults_and_a_missing_named_file_is_an_error()
    {
        var none = SpxConfiguration.Load(null, _ => null);
        Assert.Null(none.File);
        Assert.Equal(new SpxSettings().Monitor.PollInterval, none.Settings.Monitor.PollInterval);

        Assert.Throws<FileNotFoundException>(() => SpxConfiguration.Load(Path.Combine(_folder, "none.yaml"), _ => null));
        var viaVariable = new Dictionary<string, string> { ["SPX_CONFIG"] = Path.Combine(_folder, "none.yaml") };
        Assert.Throws<FileNotFoundException>(() => SpxConfiguration.Load(null, viaVariable.GetValueOrDefault));
    }
}
