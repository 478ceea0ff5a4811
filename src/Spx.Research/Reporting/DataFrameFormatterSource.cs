using Microsoft.Data.Analysis;

namespace Spx.Research.Reporting;

/// <summary>
/// The notebook formatters of <see cref="DataFrame"/>, found through <see cref="TypeFormatterSourceAttribute"/>
/// on <see cref="LakeFrame"/> (and used by our runner for any frame): a bounded HTML table and a one-line
/// plain-text summary, from <see cref="DataFrameHtml"/>.
/// </summary>
public sealed class DataFrameFormatterSource
{
    /// <summary>The bounded table, <see cref="DataFrameHtml.Table"/>.</summary>
    public const string HtmlMimeType = "text/html";

    /// <summary>The shape, <see cref="DataFrameHtml.Summary"/>.</summary>
    public const string PlainTextMimeType = "text/plain";

    /// <summary>One formatter per MIME type: HTML, plain text.</summary>
    public IEnumerable<TypeFormatter<DataFrame>> CreateTypeFormatters() =>
    [
        new(HtmlMimeType, (frame, writer) => writer.Write(DataFrameHtml.Table(frame))),
        new(PlainTextMimeType, (frame, writer) => writer.Write(DataFrameHtml.Summary(frame))),
    ];
}
