using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace Spx.Research.Notebooks.Execution;

/// <summary>
/// .NET Interactive's zero-dependency formatter convention (docs/notebooks-and-cake.md §1.4, <c>TryRegisterFromConventionBasedFormatterSources</c>):
/// a type, or a base type, carries an attribute whose type is <em>named</em> <c>TypeFormatterSourceAttribute</c>
/// with <c>Type FormatterSourceType</c> and <c>string[] PreferredMimeTypes</c>; the source has a public
/// <c>CreateTypeFormatters()</c> yielding objects with <c>string MimeType</c>, an optional <c>Type Type</c>
/// and <c>bool Format(object, TextWriter)</c>. Matched by name and reflection only, so a library
/// renders here and in Polyglot while referencing neither.
/// </summary>
internal static class ConventionFormatters
{
    public const string AttributeName = "TypeFormatterSourceAttribute";

    private static readonly ConcurrentDictionary<Type, Source?> Cache = new();

    /// <summary>The formatter source for <paramref name="type"/>, or null when it has none. Failures are not cached.</summary>
    public static Source? For(Type type) => Cache.GetOrAdd(type, Discover);

    private static Source? Discover(Type type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var attribute in current.GetCustomAttributes(inherit: false))
            {
                var attributeType = attribute.GetType();
                if (attributeType.Name != AttributeName) continue;
                if (attributeType.GetProperty("FormatterSourceType")?.GetValue(attribute) is not Type sourceType) continue;
                var preferred = attributeType.GetProperty("PreferredMimeTypes")?.GetValue(attribute) as string[] ?? [];
                return Create(type, sourceType, preferred);
            }
        }
        return null;
    }

    private static Source Create(Type formatted, Type sourceType, string[] preferred)
    {
        try
        {
            var source = Activator.CreateInstance(sourceType, nonPublic: true)!;
            var create = sourceType.GetMethod("CreateTypeFormatters", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)
                ?? throw new InvalidOperationException("it has no public CreateTypeFormatters() method");
            var formatters = ((create.Invoke(source, null) as IEnumerable) ?? Array.Empty<object>())
                .Cast<object>()
                .Select(Formatter.From)
                .OfType<Formatter>()
                .ToArray();
            return new Source(preferred, formatters);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var inner = e is TargetInvocationException { InnerException: { } thrown } ? thrown : e;
            throw new InvalidOperationException(
                $"formatter source {sourceType.FullName} (from [{AttributeName}] on {formatted.FullName}) failed: {inner.Message}", inner);
        }
    }

    /// <summary>The formatters of one source and the MIME types the attribute prefers.</summary>
    internal sealed record Source(IReadOnlyList<string> PreferredMimeTypes, IReadOnlyList<Formatter> Formatters)
    {
        /// <summary>
        /// One bundle entry per requested MIME type (the preferred ones when none are requested, else
        /// every formatter's type) that a formatter for the value's type produces.
        /// </summary>
        public MimeBundle Format(object value, IReadOnlyList<string> requested)
        {
            var mimeTypes = requested.Count > 0 ? requested
                : PreferredMimeTypes.Count > 0 ? PreferredMimeTypes
                : Formatters.Select(f => f.MimeType).Distinct().ToArray();
            var entries = new List<KeyValuePair<string, System.Text.Json.JsonElement>>();
            foreach (var mimeType in mimeTypes)
            {
                foreach (var formatter in Formatters.Where(f => f.MimeType == mimeType && f.Handles(value)))
                {
                    var writer = new StringWriter();
                    if (!formatter.Format(value, writer)) continue;
                    entries.Add(MimeBundle.Entry(mimeType, writer.ToString()));
                    break;
                }
            }
            return new MimeBundle(entries);
        }
    }

    /// <summary>One convention formatter, bound by reflection.</summary>
    internal sealed record Formatter(string MimeType, Type? Type, Func<object, TextWriter, bool> Format, Type Accepts)
    {
        public bool Handles(object value) =>
            Accepts.IsInstanceOfType(value) && (Type is null || Type.IsInstanceOfType(value) || IsOpenGenericOf(Type, value.GetType()));

        public static Formatter? From(object formatter)
        {
            var type = formatter.GetType();
            if (type.GetProperty("MimeType")?.GetValue(formatter) is not string mimeType) return null;
            var handled = type.GetProperty("Type")?.GetValue(formatter) as Type;
            var format = type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(m => m.Name == "Format" && m.ReturnType == typeof(bool)
                                     && m.GetParameters() is [_, { ParameterType: var w }] && w == typeof(TextWriter));
            if (format is null) return null;
            var accepts = format.GetParameters()[0].ParameterType;
            return new Formatter(mimeType, handled, (value, writer) => Invoke(format, formatter, value, writer), accepts);
        }

        private static bool Invoke(MethodInfo format, object formatter, object value, TextWriter writer)
        {
            try
            {
                return (bool)format.Invoke(formatter, [value, writer])!;
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        }

        private static bool IsOpenGenericOf(Type open, Type candidate)
        {
            if (!open.IsGenericTypeDefinition) return false;
            for (var t = candidate; t is not null; t = t.BaseType)
            {
                if (t.IsGenericType && t.GetGenericTypeDefinition() == open) return true;
            }
            return false;
        }
    }
}
