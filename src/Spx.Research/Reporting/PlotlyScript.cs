namespace Spx.Research.Reporting;

/// <summary>How an <see cref="HtmlPage"/> loads plotly.js. Never from a CDN: both work offline.</summary>
public enum PlotlyScript
{
    /// <summary>The whole bundle inside the page (~4.8 MB): one self-contained file to mail or archive.</summary>
    Inline,

    /// <summary>
    /// <c>&lt;script src="plotly.min.js"&gt;</c>, with <see cref="HtmlPage.Save"/> copying the bundle beside the page:
    /// small pages when a folder holds many reports.
    /// </summary>
    Sibling,
}
