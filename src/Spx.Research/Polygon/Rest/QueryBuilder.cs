using System.Globalization;
using System.Text;

namespace Spx.Research.Polygon.Rest;

/// <summary>
/// Builds a path and query the way the API expects: lowercase booleans (Lean's <c>True</c> is a known pitfall),
/// invariant numbers, ISO dates, and colons left readable in tickers (<c>O:SPY…</c>, <c>I:SPX</c>).
/// Never holds the key: it travels in the Authorization header only.
/// </summary>
internal sealed class QueryBuilder
{
    private readonly StringBuilder _text;
    private bool _hasQuery;

    public QueryBuilder(string path) => _text = new StringBuilder(path);

    /// <summary>A path segment, escaped except for ':' (ticker prefixes).</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value).Replace("%3A", ":", StringComparison.Ordinal);

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Format(bool value) => value ? "true" : "false";

    public static string Lower<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>PascalCase enum name as snake_case (ExpirationDate → expiration_date).</summary>
    public static string Snake<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) builder.Append('_');
            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    public QueryBuilder Add(string name, string? value)
    {
        if (value is null) return this;
        _text.Append(_hasQuery ? '&' : '?').Append(name).Append('=').Append(Segment(value));
        _hasQuery = true;
        return this;
    }

    /// <summary>A comma list (<c>ticker.any_of</c>): items escaped, commas kept.</summary>
    public QueryBuilder AddList(string name, IEnumerable<string> values) =>
        AppendRaw(name, string.Join(',', values.Select(Segment)));

    public QueryBuilder Add(string name, bool? value) => value is { } v ? Add(name, Format(v)) : this;

    public QueryBuilder Add(string name, int? value) => value is { } v ? Add(name, v.ToString(CultureInfo.InvariantCulture)) : this;

    public QueryBuilder Add(string name, DateOnly? value) => value is { } v ? Add(name, Format(v)) : this;

    public override string ToString() => _text.ToString();

    private QueryBuilder AppendRaw(string name, string escaped)
    {
        _text.Append(_hasQuery ? '&' : '?').Append(name).Append('=').Append(escaped);
        _hasQuery = true;
        return this;
    }
}
