using System.Net;
using System.Text;

namespace Spx.Research.ScannerReport;

/// <summary>
/// A plain HTML table whose every cell is text: headers and cells are HTML-escaped, so a ticker or headline
/// holding markup (<c>&lt;script&gt;</c>) is shown as written and never runs.
/// </summary>
public static class HtmlTable
{
    /// <summary>The table, with <paramref name="headers"/> in <c>thead</c> and one <c>tr</c> per row.</summary>
    public static string Of(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var html = new StringBuilder("<table class=\"spx-report-table\">\n<thead><tr>");
        foreach (var header in headers) html.Append("<th>").Append(WebUtility.HtmlEncode(header)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            if (row.Count != headers.Count)
                throw new ArgumentException($"a table row has {row.Count} cells but the table has {headers.Count} columns ({string.Join(", ", headers)})", nameof(rows));
            html.Append("<tr>");
            foreach (var cell in row) html.Append("<td>").Append(WebUtility.HtmlEncode(cell ?? "–")).Append("</td>");
            html.Append("</tr>\n");
        }
        return html.Append("</tbody>\n</table>").ToString();
    }
}
