using System.Collections;
using System.Net;
using System.Reflection;
using System.Text;

namespace Spx.Research.Notebooks.Execution;

/// <summary>
/// A collection of records or anonymous objects as a table (<c>text/html</c> and an aligned
/// <c>text/plain</c>), one column per public property or field, the first <see cref="RowLimit"/> rows
/// and a note counting the rest — what a scan result or a query looks like when it is the last
/// expression of a cell. Collections of plain values become a one-line list.
/// </summary>
internal static class TableFormatter
{
    public const int RowLimit = 100;

    /// <summary>Stop counting hidden rows here, so an endless sequence still finishes.</summary>
    private const long CountLimit = 1_000_000;

    public static MimeBundle Format(IEnumerable items)
    {
        var rows = new List<object?>();
        long hidden = 0;
        foreach (var item in items)
        {
            if (rows.Count < RowLimit) rows.Add(item);
            else if (++hidden >= CountLimit) break;
        }
        if (rows.All(r => r is null || ValueText.IsSimple(r.GetType())))
        {
            var list = ValueText.List(rows, RowLimit);
            return MimeBundle.Of(MimeBundle.PlainText, hidden > 0 ? $"{list[..^1]}, … ({hidden:N0} more)]" : list);
        }

        var columns = Columns(rows);
        var cells = rows.Select(r => columns.Select(c => c.Read(r)).ToArray()).ToArray();
        var note = hidden > 0 ? $"… {More(hidden)}" : null;
        return new MimeBundle(
        [
            MimeBundle.Entry(MimeBundle.Html, Html(columns, cells, note)),
            MimeBundle.Entry(MimeBundle.PlainText, Text(columns, cells, note)),
        ]);
    }

    private static string More(long hidden) => $"{hidden:N0}{(hidden >= CountLimit ? "+" : "")} more row{(hidden == 1 ? "" : "s")}";

    private static string Html(IReadOnlyList<Column> columns, string[][] cells, string? note)
    {
        var html = new StringBuilder("<table class=\"spx-table\"><thead><tr>");
        foreach (var column in columns) html.Append("<th>").Append(WebUtility.HtmlEncode(column.Name)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in cells)
        {
            html.Append("<tr>");
            foreach (var cell in row) html.Append("<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        if (note is not null) html.Append("<p class=\"spx-more\">").Append(WebUtility.HtmlEncode(note)).Append("</p>");
        return html.ToString();
    }

    private static string Text(IReadOnlyList<Column> columns, string[][] cells, string? note)
    {
        static string Flat(string s) => s.Replace('\n', ' ').Replace('\r', ' ');
        var widths = columns.Select((c, i) => Math.Min(40, cells.Select(r => Flat(r[i]).Length).Append(c.Name.Length).Max())).ToArray();
        string Line(IEnumerable<string> values) => string.Join("  ", values.Select((v, i) =>
        {
            var flat = Flat(v);
            return (flat.Length > widths[i] ? flat[..(widths[i] - 1)] + "…" : flat).PadRight(widths[i]);
        })).TrimEnd();
        var text = new StringBuilder();
        text.AppendLine(Line(columns.Select(c => c.Name)));
        text.AppendLine(Line(widths.Select(w => new string('-', w))));
        foreach (var row in cells) text.AppendLine(Line(row));
        if (note is not null) text.AppendLine(note);
        return text.ToString().TrimEnd('\n', '\r');
    }

    /// <summary>Public instance properties and fields of every row type, in order of first appearance.</summary>
    private static IReadOnlyList<Column> Columns(IEnumerable<object?> rows)
    {
        var columns = new List<Column>();
        foreach (var type in rows.Where(r => r is not null).Select(r => r!.GetType()).Distinct())
        {
            var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod!.IsPublic)
                .Cast<MemberInfo>()
                .Concat(type.GetFields(BindingFlags.Public | BindingFlags.Instance))
                .OrderBy(m => m.MetadataToken);
            foreach (var member in members)
            {
                if (columns.All(c => c.Name != member.Name)) columns.Add(new Column(member.Name));
            }
        }
        return columns;
    }

    private sealed record Column(string Name)
    {
        public string Read(object? row)
        {
            if (row is null) return "";
            var type = row.GetType();
            try
            {
                return type.GetProperty(Name, BindingFlags.Public | BindingFlags.Instance) is { } property && property.GetIndexParameters().Length == 0
                    ? ValueText.Of(property.GetValue(row))
                    : type.GetField(Name, BindingFlags.Public | BindingFlags.Instance) is { } field ? ValueText.Of(field.GetValue(row)) : "";
            }
            catch (TargetInvocationException e)
            {
                return $"!{e.InnerException?.GetType().Name ?? "error"}";
            }
        }
    }
}
