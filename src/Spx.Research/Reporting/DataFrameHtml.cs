using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Analysis;

namespace Spx.Research.Reporting;

/// <summary>
/// A <see cref="DataFrame"/> as a bounded HTML table: the first <see cref="RowLimit"/> rows and a line with
/// the total row and column count, so a frame of a million rows still makes a small page. The same markup
/// in the Polyglot kernel, in <c>spx notebook run</c> and in the executed HTML page (<c>spx-table</c> class).
/// </summary>
public static class DataFrameHtml
{
    /// <summary>Rows shown; the rest are counted.</summary>
    public const int RowLimit = 100;

    /// <summary>The table of the first <paramref name="rowLimit"/> rows, then <c>N rows × M columns</c>.</summary>
    public static string Table(DataFrame frame, int rowLimit = RowLimit)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var html = new StringBuilder("<table class=\"spx-table\"><thead><tr>");
        foreach (var column in frame.Columns) html.Append("<th>").Append(WebUtility.HtmlEncode(column.Name)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        var shown = Math.Min(frame.Rows.Count, rowLimit);
        for (long row = 0; row < shown; row++)
        {
            html.Append("<tr>");
            foreach (var column in frame.Columns) html.Append("<td>").Append(WebUtility.HtmlEncode(Text(column[row]))).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table><p class=\"spx-more\">").Append(Shape(frame, shown)).Append("</p>"); // digits and words only
        return html.ToString();
    }

    /// <summary><c>DataFrame: 12 rows × 3 columns (date, ticker, close)</c>.</summary>
    public static string Summary(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return $"DataFrame: {Shape(frame, frame.Rows.Count)} ({string.Join(", ", frame.Columns.Select(c => c.Name))})";
    }

    /// <summary>A cell as text: invariant numbers, ISO dates (a midnight non-UTC value is a DATE), empty for null.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        DateTime t when t.Kind != DateTimeKind.Utc && t.TimeOfDay == TimeSpan.Zero => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString(t.Kind == DateTimeKind.Utc ? "yyyy-MM-dd HH:mm:ss.FFFFFFF'Z'" : "yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Shape(DataFrame frame, long shown)
    {
        var total = frame.Rows.Count;
        var columns = frame.Columns.Count;
        var invariant = CultureInfo.InvariantCulture;
        var rows = shown < total ? string.Create(invariant, $"first {shown:N0} of {total:N0} rows") : string.Create(invariant, $"{total:N0} row{(total == 1 ? "" : "s")}");
        return string.Create(invariant, $"{rows} × {columns:N0} column{(columns == 1 ? "" : "s")}");
    }
}
