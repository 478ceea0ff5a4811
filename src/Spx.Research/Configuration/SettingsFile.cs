using System.Text.RegularExpressions;
using Quickenshtein;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Spx.Research.Configuration;

/// <summary>
/// One <c>spx.yaml</c> read into <see cref="SpxSettings"/>: snake_case keys over the records' defaults, <c>${ENV}</c>
/// substituted in values, every value checked. All problems are collected and thrown together as
/// <see cref="ConfigurationException"/>, each as <c>FILE:LINE: key: value what-was-expected</c>; nothing is half
/// loaded. Keys are found from the records (<see cref="SettingsSchema"/>), so the file and the records cannot drift.
/// </summary>
public sealed partial class SettingsFile
{
    private readonly string _name;
    private readonly Func<string, string?> _environment;
    private readonly List<(int Line, string Text)> _errors = [];
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);
    private readonly HashSet<string> _refused = new(StringComparer.Ordinal);

    private SettingsFile(string name, Func<string, string?> environment) => (_name, _environment) = (name, environment);

    /// <summary>The settings: the file's values over the defaults.</summary>
    public SpxSettings Settings { get; private set; } = new();

    /// <summary>The file as named in messages (as the user gave it).</summary>
    public string Name => _name;

    /// <summary>The keys the file sets (<c>api.plan</c>, <c>notifications.targets[0].url</c>, …); the rest are defaults.</summary>
    public IReadOnlySet<string> Given { get; private set; } = new HashSet<string>();

    /// <summary>Reads and checks the file at <paramref name="path"/>.</summary>
    /// <param name="environment">Variables for <c>${VAR}</c>; the process environment by default.</param>
    /// <exception cref="FileNotFoundException">No file there.</exception>
    /// <exception cref="ConfigurationException">Every problem in the file, one line each.</exception>
    public static SettingsFile Load(string path, Func<string, string?>? environment = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"no configuration file at {path}", path);
        return Parse(File.ReadAllText(path), path, environment);
    }

    /// <summary>Reads and checks YAML text; <paramref name="name"/> is the file named in messages.</summary>
    /// <exception cref="ConfigurationException">Every problem in the text, one line each.</exception>
    public static SettingsFile Parse(string yaml, string name, Func<string, string?>? environment = null)
    {
        var file = new SettingsFile(name, environment ?? Environment.GetEnvironmentVariable);
        var settings = file.Read(yaml);
        if (file._errors.Count > 0)
            throw new ConfigurationException(file._errors.OrderBy(e => e.Line).Select(e => e.Text).ToList());
        file.Settings = settings!;
        file.Given = file._lines.Keys.ToHashSet(StringComparer.Ordinal);
        return file;
    }

    private SpxSettings? Read(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException bad)
        {
            Error((int)bad.Start.Line, $"invalid YAML: {YamlMessage(bad)}");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" }) return new SpxSettings();
        if (stream.Documents.Count > 1) Error((int)stream.Documents[1].RootNode.Start.Line, $"holds {stream.Documents.Count} YAML documents: expected one");
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Error((int)stream.Documents[0].RootNode.Start.Line, "is not a mapping: expected sections such as api:, lake:, monitor:");
            return null;
        }

        var settings = (SpxSettings)BindRecord(typeof(SpxSettings), root, "");
        foreach (var problem in SettingsRules.Across(settings, _lines.ContainsKey).Where(p => !p.About.Any(WasRefused)))
            Error(LineOf(problem.Path), $"{problem.Path}: {problem.Message}");
        return settings;
    }

    /// <summary>A record from a mapping: a default instance, then each key the mapping gives.</summary>
    private object BindRecord(Type type, YamlMappingNode node, string prefix)
    {
        var instance = Create(type);
        var keys = SettingsSchema.KeysOf(type, prefix);
        foreach (var (keyNode, valueNode) in node.Children)
        {
            var line = (int)keyNode.Start.Line;
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } name })
            {
                Error(line, $"{prefix.TrimEnd('.')}: a key is not a plain name: expected one of {string.Join(", ", keys.Select(k => k.Name))}");
                continue;
            }

            var path = prefix + name;
            if (keys.FirstOrDefault(k => k.Name == name) is not { } key)
            {
                Error(line, SecretGuard.IsSecretName(name)
                    ? $"{path}: secrets are not read from the configuration file (value not shown): {WhereSecretsGo(prefix)}"
                    : $"{path}: unknown key; did you mean {Nearest(name, keys)}?");
                _refused.Add(path);
                continue;
            }

            _lines[path] = line;
            if (Bind(key, valueNode, path, out var value)) key.Property.SetValue(instance, value);
        }

        foreach (var required in RequiredKeys(type).Where(k => !node.Children.Keys.OfType<YamlScalarNode>().Any(n => n.Value == k)))
            Error((int)node.Start.Line, $"{prefix.TrimEnd('.')}: has no {required}: each item needs {string.Join(" and ", RequiredKeys(type))}");
        return instance;
    }

    private bool Bind(SettingKey key, YamlNode node, string path, out object? value)
    {
        value = null;
        if (key.IsRecord)
        {
            if (IsEmpty(node)) { value = Create(key.ValueType); return true; }
            if (node is YamlMappingNode mapping) { value = BindRecord(key.ValueType, mapping, path + "."); return true; }
            return Refuse(node, path, $"is not a mapping: expected keys under {path}:, such as {SettingsSchema.KeysOf(key.ValueType)[0].Name}");
        }

        if (key.DictionaryValue is { } entryType) return BindDictionary(entryType, node, path, out value);

        if (key.ItemRecord is { } itemType)
        {
            if (IsEmpty(node)) { value = Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType)); return true; }
            if (node is not YamlSequenceNode items) return Refuse(node, path, "is not a list: expected items such as '- kind: webhook'");
            var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
            for (var i = 0; i < items.Children.Count; i++)
            {
                var itemPath = $"{path}[{i}]";
                _lines[itemPath] = (int)items.Children[i].Start.Line;
                if (items.Children[i] is YamlMappingNode item) list.Add(BindRecord(itemType, item, itemPath + "."));
                else Refuse(items.Children[i], itemPath, "is not a mapping: expected keys such as kind: and name:");
            }
            value = list;
            return true;
        }

        if (key.ValueType == typeof(IReadOnlyList<string>))
        {
            if (IsEmpty(node)) return Checked(path, node, "[]", new List<string>(), out value);
            if (node is not YamlSequenceNode strings) return Refuse(node, path, "is not a list: expected e.g. [SPX, SPXW]");
            var texts = new List<string>();
            var ok = true;
            foreach (var item in strings.Children)
            {
                ok &= Scalar(item, $"{path}[{texts.Count}]", out var text) && Checked(Rule(path) + "[]", $"{path}[{texts.Count}]", item, text!, text!);
                texts.Add(text ?? "");
            }
            return ok && Checked(path, node, $"[{string.Join(", ", texts)}]", texts, out value);
        }

        if (IsEmpty(node)) return key.MayBeEmpty || Refuse(node, path, "is empty: expected a value (leave the key out for its default)", showValue: false);
        if (!Scalar(node, path, out var raw)) return false;
        if (key.ValueType == typeof(Uri) && SecretGuard.CarriesSecret(raw!))
            return Refuse(node, path, $"is a URL that carries a credential (value not shown): {WhereSecretsGo(path[..(path.LastIndexOf('.') + 1)])}", showValue: false);
        if (key.Name == "dsn" && SecretGuard.CarriesPassword(raw!))
            return Refuse(node, path, "carries a password (value not shown): put it in PGPASSWORD or ~/.pgpass, or the whole DSN in SPX_POSTGRES_DSN", showValue: false);
        try
        {
            return Checked(path, node, raw!, SettingValues.Parse(key.ValueType, raw!), out value);
        }
        catch (FormatException bad)
        {
            return Refuse(node, path, bad.Message, raw);
        }
    }

    /// <summary>A mapping of names to records (<c>ingest.import.mappings.NAME: {…}</c>) or to text (<c>columns: {their: our}</c>).</summary>
    private bool BindDictionary(Type entryType, YamlNode node, string path, out object? value)
    {
        var entries = (System.Collections.IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), entryType), StringComparer.Ordinal)!;
        value = entries;
        if (IsEmpty(node)) return true;
        if (node is not YamlMappingNode mapping) return Refuse(node, path, "is not a mapping: expected name: value pairs under it");
        var ok = true;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } name })
            {
                ok = Refuse(keyNode, path, "has a key that is not a plain name");
                continue;
            }
            var entryPath = $"{path}.{name}";
            _lines[entryPath] = (int)keyNode.Start.Line;
            if (SettingsSchema.IsRecord(entryType))
            {
                if (valueNode is YamlMappingNode record) entries[name] = BindRecord(entryType, record, entryPath + ".");
                else ok = Refuse(valueNode, entryPath, "is not a mapping: expected keys such as dataset: and columns:");
            }
            else if (Scalar(valueNode, entryPath, out var text))
            {
                entries[name] = text!;
            }
            else
            {
                ok = false;
            }
        }
        return ok;
    }

    /// <summary>A scalar's text with <c>${ENV}</c> substituted; false (and an error) for a list, a mapping or a bad reference.</summary>
    private bool Scalar(YamlNode node, string path, out string? text)
    {
        text = null;
        if (node is not YamlScalarNode scalar)
            return Refuse(node, path, $"is a {(node is YamlSequenceNode ? "list" : "mapping")}: expected a single value");
        try
        {
            text = EnvironmentSubstitution.Apply(scalar.Value ?? "", _environment);
            return true;
        }
        catch (FormatException bad)
        {
            return Refuse(node, path, bad.Message, scalar.Value);
        }
    }

    private bool Checked(string path, YamlNode node, string shown, object parsed, out object? value)
    {
        value = parsed;
        return Checked(Rule(path), path, node, shown, parsed);
    }

    private bool Checked(string rule, string path, YamlNode node, string shown, object parsed) =>
        SettingsRules.Check(rule, parsed) is not { } problem || Refuse(node, path, problem, shown);

    /// <summary>Records an error on <paramref name="node"/>'s line and returns false.</summary>
    private bool Refuse(YamlNode node, string path, string problem, string? shown = null, bool showValue = true)
    {
        var value = !showValue ? "" : Shown(node, shown) is { } text ? text + " " : "";
        Error((int)node.Start.Line, $"{path}: {value}{problem}");
        _refused.Add(path);
        return false;
    }

    private static bool NamesVariable(YamlScalarNode scalar) => scalar.Value?.Contains("${", StringComparison.Ordinal) == true;

    /// <summary>The key, or something under it, was refused.</summary>
    private bool WasRefused(string path) =>
        _refused.Any(r => r == path || r.StartsWith(path + ".", StringComparison.Ordinal) || r.StartsWith(path + "[", StringComparison.Ordinal));

    /// <summary>
    /// The value as the user wrote it: quoted when it was quoted or is empty. A value that names an environment
    /// variable is shown as written (<c>${VAR}</c>), never substituted: the variable may hold a secret.
    /// </summary>
    private static string? Shown(YamlNode node, string? text)
    {
        if (node is YamlSequenceNode list && list.Children.OfType<YamlScalarNode>().Any(NamesVariable))
            return $"[{string.Join(", ", list.Children.OfType<YamlScalarNode>().Select(c => c.Value))}]";
        if (node is not YamlScalarNode scalar) return text;
        text = NamesVariable(scalar) ? scalar.Value! : text ?? scalar.Value ?? "";
        return scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted || text.Length == 0 ? $"\"{text}\"" : text;
    }

    private void Error(int line, string text) => _errors.Add((line, $"{_name}:{line}: {text}"));

    private int LineOf(string path)
    {
        for (var probe = path; probe.Length > 0; probe = probe.Contains('.') ? probe[..probe.LastIndexOf('.')] : "")
            if (_lines.TryGetValue(probe, out var line)) return line;
        return 1;
    }

    private static bool IsEmpty(YamlNode node) => node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" };

    /// <summary>The rule's name for a path: list indexes dropped (<c>notifications.targets[2].kind</c> → <c>notifications.targets[].kind</c>).</summary>
    private static string Rule(string path) => Index().Replace(path, "[]");

    private static string Nearest(string name, IReadOnlyList<SettingKey> keys) =>
        keys.MinBy(k => Levenshtein.GetDistance(name, k.Name))!.Path;

    private static string WhereSecretsGo(string prefix) => prefix switch
    {
        "api." or "" => "the API key is read from MASSIVE_API_KEY or POLYGON_API_KEY in the environment",
        _ when prefix.StartsWith("notifications.targets[", StringComparison.Ordinal) =>
            $"put it in an environment variable and name that variable in {prefix}secret_variable",
        _ => "put it in an environment variable",
    };

    /// <summary>A default record; positional records (<see cref="NotificationTarget"/>) start with empty required values.</summary>
    private static object Create(Type type) =>
        type.GetConstructor(Type.EmptyTypes) is { } parameterless
            ? parameterless.Invoke(null)
            : type.GetConstructors()[0].Invoke(type.GetConstructors()[0].GetParameters().Select(_ => (object)"").ToArray());

    /// <summary>The keys a positional record cannot do without: its constructor's parameters.</summary>
    private static IEnumerable<string> RequiredKeys(Type type) =>
        type.GetConstructor(Type.EmptyTypes) is not null ? [] : type.GetConstructors()[0].GetParameters().Select(p => SettingsSchema.SnakeCase(p.Name!));

    /// <summary>YamlDotNet's message without its "(Line: 3, Col: 5, Idx: 20) - (…):" prefix: the line is already in front.</summary>
    private static string YamlMessage(YamlException bad) => OneLine(YamlPosition().Replace(bad.Message, "").Trim());

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    [GeneratedRegex(@"\[[0-9]+\]", RegexOptions.CultureInvariant)]
    private static partial Regex Index();

    [GeneratedRegex(@"^\(Line: [0-9]+, Col: [0-9]+, Idx: [0-9]+\) - \(Line: [0-9]+, Col: [0-9]+, Idx: [0-9]+\):\s*", RegexOptions.CultureInvariant)]
    private static partial Regex YamlPosition();
}
