using System.Collections;
using Microsoft.Data.Analysis;
using Spx.Research.Reporting;

namespace Spx.Research.Notebooks.Execution;

/// <summary>
/// Turns a displayed value (or a cell's trailing expression) into a MIME bundle, in this order:
/// a convention formatter source on the type (<see cref="ConventionFormatters"/>) for the requested or
/// preferred MIME types; <see cref="HtmlContent"/> as <c>text/html</c>; a string as <c>text/plain</c>
/// (or as each requested type, so <c>display(json, "application/json")</c> works); a collection as a
/// table; anything else by <c>ToString()</c>. Any <see cref="DataFrame"/> formats as a <see cref="LakeFrame"/>
/// (the bounded table), as in Polyglot, where LakeFrame's formatters are registered for every frame.
/// </summary>
public static class MimeFormatter
{
    /// <summary>Rows shown when a collection is displayed as a table.</summary>
    public const int TableRowLimit = TableFormatter.RowLimit;

    public static MimeBundle Format(object? value, IReadOnlyList<string>? mimeTypes = null)
    {
        var requested = mimeTypes ?? [];
        switch (value)
        {
            case null:
                return MimeBundle.Of(MimeBundle.PlainText, "<null>");
            case HtmlContent html:
                return MimeBundle.Of(MimeBundle.Html, html.Html);
            case string text:
                return requested.Count == 0
                    ? MimeBundle.Of(MimeBundle.PlainText, text)
                    : new MimeBundle(requested.Select(m => MimeBundle.Entry(m, text)));
        }
        var formattedAs = value is DataFrame ? typeof(LakeFrame) : value.GetType();
        if (ConventionFormatters.For(formattedAs) is { } source && source.Format(value, requested) is { Count: > 0 } formatted)
        {
            return formatted;
        }
        if (value is IEnumerable items) return TableFormatter.Format(items);
        return MimeBundle.Of(MimeBundle.PlainText, ValueText.Of(value));
    }
}
