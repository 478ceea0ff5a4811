using System.Reflection;
using System.Text;

namespace Spx.Research.Configuration;

/// <summary>One key of <c>spx.yaml</c>: its dotted path, its snake_case name and the record property it sets.</summary>
/// <param name="Path">e.g. <c>monitor.poll_interval</c>; items of a list are written <c>notifications.targets[].kind</c>.</param>
public sealed record SettingKey(string Path, string Name, PropertyInfo Property)
{
    /// <summary>The property's type without <see cref="Nullable{T}"/>.</summary>
    public Type ValueType => Nullable.GetUnderlyingType(Property.PropertyType) ?? Property.PropertyType;

    /// <summary>The key may be empty (<c>null</c>): a nullable value or reference property.</summary>
    public bool MayBeEmpty =>
        Nullable.GetUnderlyingType(Property.PropertyType) is not null
        || new NullabilityInfoContext().Create(Property).WriteState == NullabilityState.Nullable;

    /// <summary>A section or list item whose value is a mapping of its own keys.</summary>
    public bool IsRecord => SettingsSchema.IsRecord(ValueType);

    /// <summary>The value type when the key is a mapping of names to values (<c>ingest.import.mappings</c>, <c>…columns</c>).</summary>
    public Type? DictionaryValue =>
        ValueType.IsGenericType && ValueType.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) && ValueType.GetGenericArguments()[0] == typeof(string)
            ? ValueType.GetGenericArguments()[1]
            : null;

    /// <summary>The record type of each item when the value is a list of records (<c>notifications.targets</c>).</summary>
    public Type? ItemRecord => ValueType.IsGenericType && ValueType.GetGenericArguments() is [var item] && SettingsSchema.IsRecord(item) ? item : null;
}

/// <summary>
/// Every key <c>spx.yaml</c> may hold, read from the settings records themselves: a property added to a record
/// becomes a key (loaded, shown by <c>spx config show</c>, required in docs/configuration.md) without a second
/// list to keep in step.
/// </summary>
public static class SettingsSchema
{
    /// <summary>The keys of a record type, in declaration order, under <paramref name="prefix"/> (e.g. <c>monitor.</c>).</summary>
    public static IReadOnlyList<SettingKey> KeysOf(Type record, string prefix = "") =>
        record.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .OrderBy(p => p.MetadataToken)
            .Select(p => new SettingKey(prefix + SnakeCase(p.Name), SnakeCase(p.Name), p))
            .ToList();

    /// <summary>Every leaf key of the whole configuration, depth first: <c>api.base_url</c> … <c>notifications.targets[].kind</c> ….</summary>
    public static IReadOnlyList<SettingKey> AllKeys() => Leaves(typeof(SpxSettings), "").ToList();

    /// <summary><c>MinDaysToExpiry</c> → <c>min_days_to_expiry</c>.</summary>
    public static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) text.Append('_');
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }

    /// <summary>Our own settings records (sections and list items), as opposed to values such as <see cref="Uri"/>.</summary>
    public static bool IsRecord(Type type) =>
        type.Namespace == typeof(SpxSettings).Namespace && type.IsClass && type.Name.EndsWith("Settings", StringComparison.Ordinal)
        || type == typeof(NotificationTarget) || type == typeof(RetentionRule);

    private static IEnumerable<SettingKey> Leaves(Type record, string prefix)
    {
        foreach (var key in KeysOf(record, prefix))
        {
            if (key.IsRecord)
                foreach (var leaf in Leaves(key.ValueType, key.Path + ".")) yield return leaf;
            else if (key.DictionaryValue is { } entry && IsRecord(entry))
                foreach (var leaf in Leaves(entry, key.Path + ".<name>.")) yield return leaf;
            else if (key.ItemRecord is { } item)
                foreach (var leaf in Leaves(item, key.Path + "[].")) yield return leaf;
            else
                yield return key;
        }
    }
}
