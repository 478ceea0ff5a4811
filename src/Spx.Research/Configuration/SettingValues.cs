using System.Globalization;

namespace Spx.Research.Configuration;

/// <summary>
/// Text from <c>spx.yaml</c> to the value a key's property holds, strictly: whole numbers for counts, <c>true</c>
/// or <c>false</c> (not <c>yes</c>), durations with a unit, <c>HH:mm</c> for times of day. Each refusal says
/// what was expected, to follow the value in the error line.
/// </summary>
public static class SettingValues
{
    /// <exception cref="FormatException">The text is not a value of <paramref name="type"/>.</exception>
    public static object Parse(Type type, string text)
    {
        if (type == typeof(string)) return text;
        if (type == typeof(int)) return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : throw new FormatException("is not a whole number");
        if (type == typeof(long)) return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : throw new FormatException("is not a whole number");
        if (type == typeof(double))
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : throw new FormatException("is not a number");
        if (type == typeof(bool)) return text switch { "true" => true, "false" => false, _ => throw new FormatException("is not true or false") };
        if (type == typeof(TimeSpan)) return Durations.ParseAllowingZero(text);
        if (type == typeof(TimeOnly))
            return TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : throw new FormatException("is not a time of day: use HH:mm (New York time), e.g. 09:30");
        if (type == typeof(Uri))
            return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : throw new FormatException("is not an http(s) URL, e.g. https://api.massive.com");
        throw new NotSupportedException($"settings of type {type.Name} have no parser");
    }

    /// <summary>How <c>spx config show</c> writes a value so that <see cref="Parse"/> reads it back.</summary>
    public static string Format(object value) => value switch
    {
        TimeSpan span => span == TimeSpan.Zero ? "0s" : Durations.Format(span),
        TimeOnly time => time.ToString("HH:mm", CultureInfo.InvariantCulture),
        Uri uri => uri.OriginalString,
        bool flag => flag ? "true" : "false",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
