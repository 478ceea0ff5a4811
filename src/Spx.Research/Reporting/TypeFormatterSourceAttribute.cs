namespace Spx.Research.Reporting;

/// <summary>
/// Names the type that makes a class's notebook formatters, without referencing any notebook package. .NET
/// Interactive (and our own notebook runner) match this attribute by its type <em>name</em> and read
/// <see cref="FormatterSourceType"/> and <see cref="PreferredMimeTypes"/> by reflection; the source type has a
/// public <c>CreateTypeFormatters()</c> returning objects with <c>string MimeType</c>, <c>Type Type</c> and
/// <c>bool Format(object, TextWriter)</c>. So the core library renders in a notebook yet stays free of
/// .NET Interactive, which is deprecated.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = true)]
public sealed class TypeFormatterSourceAttribute : Attribute
{
    /// <summary>Declares <paramref name="formatterSourceType"/> as the maker of this type's formatters.</summary>
    public TypeFormatterSourceAttribute(Type formatterSourceType)
    {
        ArgumentNullException.ThrowIfNull(formatterSourceType);
        FormatterSourceType = formatterSourceType;
    }

    /// <summary>A type with a public parameterless constructor and a public <c>CreateTypeFormatters()</c> method.</summary>
    public Type FormatterSourceType { get; }

    /// <summary>MIME types a notebook emits for a value of the type, most preferred first; all of them go into one output.</summary>
    public string[]? PreferredMimeTypes { get; set; }
}
