namespace Spx.Research.Notebooks.Execution;

/// <summary>
/// What <c>HTML("...")</c> returns in a cell: markup that displays as <c>text/html</c>, like Polyglot's
/// <c>IHtmlContent</c>, so <c>display(HTML("&lt;b&gt;hi&lt;/b&gt;"))</c> or a trailing <c>HTML(...)</c> renders
/// the same in both.
/// </summary>
public sealed class HtmlContent(string html)
{
    public string Html { get; } = html;

    public override string ToString() => Html;
}
