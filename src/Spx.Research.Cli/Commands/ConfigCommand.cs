using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spx.Research.Cli.Parsing;
using Spx.Research.Configuration;
using Spx.Research.Polygon;
using YamlDotNet.RepresentationModel;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// <c>spx config show</c> prints the effective configuration — every key, defaults included — with secrets
/// redacted: only whether the API key and each target's secret variable are set, never their values.
/// <c>spx config check FILE</c> validates one file. Keys and defaults are in docs/configuration.md.
/// </summary>
public static class ConfigCommand
{
    /// <summary>The output of <c>config show</c>: YAML that loads back as a configuration, or JSON for scripts.</summary>
    public enum ShowFormat { Yaml, Json }

    public static Command Create()
    {
        var config = new Command("config", "Show the effective configuration (spx.yaml) or check a configuration file");
        config.Add(Show());
        config.Add(Check());
        return config;
    }

    /// <summary><c>spx config check FILE</c> reads only its argument: a broken <c>./spx.yaml</c> must not stop it.</summary>
    public static bool ReadsItsOwnFile(ParseResult parse) =>
        parse.CommandResult is { Command.Name: "check", Parent: CommandResult { Command.Name: "config" } };

    private static Command Show()
    {
        var format = new Option<ShowFormat>("--format")
        {
            Description = "Output format", HelpName = ValueParsers.ChoiceList<ShowFormat>("|"),
            DefaultValueFactory = _ => ShowFormat.Yaml, CustomParser = ValueParsers.For(ValueParsers.Choice<ShowFormat>()),
        };
        var command = new Command("show", "Print the effective configuration (file, environment, defaults) with secrets redacted") { format };
        command.SetAction(parse =>
        {
            var configuration = CliConfiguration.Of(parse);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == ShowFormat.Json) output.WriteLine(Json(configuration));
            else output.Write(Yaml(configuration));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Check()
    {
        var file = new Argument<string>("file") { Description = "The configuration file to validate" };
        var command = new Command("check", "Validate a configuration file: 'ok: FILE', or one line per problem (exit 1)") { file };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new UsageException($"<file> '{path}': no such file");
            SettingsFile.Load(path);
            parse.InvocationConfiguration.Output.WriteLine($"ok: {path}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Json(SpxConfiguration configuration)
    {
        var document = new JsonObject
        {
            ["file"] = configuration.File,
            ["api_key"] = new JsonObject { ["set"] = ApiKeyVariable() is not null, ["variable"] = ApiKeyVariable() },
        };
        foreach (var (name, value) in Settings(configuration.Settings)) document[name] = value;
        var targets = (JsonArray)document["notifications"]!["targets"]!;
        foreach (var target in targets.OfType<JsonObject>())
            target["secret_set"] = target["secret_variable"]?.GetValue<string>() is { } variable ? IsSet(variable) : null;
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Loadable YAML; what is set in the environment goes in comments above it.</summary>
    private static string Yaml(SpxConfiguration configuration)
    {
        var text = new StringWriter();
        text.WriteLine($"# effective configuration: {configuration.File ?? "built-in defaults (no file)"}, environment applied");
        text.WriteLine(ApiKeyVariable() is { } variable ? $"# api key: set, from {variable} (value not shown)" : $"# api key: not set ({string.Join(" or ", ApiKey.EnvironmentVariables)})");
        var targets = configuration.Settings.Notifications.Targets;
        for (var i = 0; i < targets.Count; i++)
            if (targets[i].SecretVariable is { } secret)
                text.WriteLine($"# notifications.targets[{i}] ({targets[i].Name}): {secret} is {(IsSet(secret) ? "set" : "NOT set")}");

        var root = new YamlMappingNode();
        foreach (var (name, value) in Settings(configuration.Settings)) root.Add(name, ToYaml(value));
        var body = new StringWriter();
        new YamlStream(new YamlDocument(root)).Save(body, assignAnchors: false);
        text.Write(body.ToString().Replace("\r\n", "\n").TrimEnd('\n', '.').TrimEnd('\n') + "\n");
        return text.ToString();
    }

    /// <summary>Every section and key of the settings, in the records' order, with values as the file writes them.</summary>
    private static IEnumerable<(string Name, JsonNode? Value)> Settings(object record) =>
        SettingsSchema.KeysOf(record.GetType()).Select(key => (key.Name, Node(key.Property.GetValue(record))));

    private static JsonNode? Node(object? value) => value switch
    {
        null => null,
        _ when SettingsSchema.IsRecord(value.GetType()) => new JsonObject(Settings(value).Select(p => KeyValuePair.Create(p.Name, p.Value))),
        System.Collections.IDictionary entries => new JsonObject(entries.Keys.Cast<string>().Order(StringComparer.Ordinal).Select(k => KeyValuePair.Create(k, Node(entries[k])))),
        IEnumerable<NotificationTarget> targets => new JsonArray(targets.Select(Node).ToArray()),
        IEnumerable<RetentionRule> rules => new JsonArray(rules.Select(Node).ToArray()),
        IEnumerable<string> strings => new JsonArray(strings.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        double number => JsonValue.Create(number),
        bool flag => JsonValue.Create(flag),
        _ => JsonValue.Create(SettingValues.Format(value)),
    };

    private static YamlNode ToYaml(JsonNode? node) => node switch
    {
        null => new YamlScalarNode("null"),
        JsonObject map => new YamlMappingNode(map.Select(p => new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode(p.Key), ToYaml(p.Value)))),
        JsonArray items when items.All(i => i is JsonValue) => new YamlSequenceNode(items.Select(ToYaml)) { Style = YamlDotNet.Core.Events.SequenceStyle.Flow },
        JsonArray items => new YamlSequenceNode(items.Select(ToYaml)),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => new YamlScalarNode(value.GetValue<string>()),
        _ => new YamlScalarNode(node.ToJsonString()),
    };

    /// <summary>The variable the API key is read from, or null when none is set. Never the value.</summary>
    private static string? ApiKeyVariable() => ApiKey.EnvironmentVariables.FirstOrDefault(IsSet);

    private static bool IsSet(string variable) => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable));
}
