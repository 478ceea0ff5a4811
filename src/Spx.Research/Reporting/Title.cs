namespace Spx.Research.Reporting;

/// <summary>
/// A figure, axis or colour-bar title. plotly.js 3 dropped string titles, so a title is always written as the
/// object <c>{"text": …}</c>; a plain string converts implicitly, so <c>Title = "SPX vs VIX"</c> just works.
/// </summary>
/// <param name="Text">The title; plotly.js reads simple HTML such as <c>&lt;br&gt;</c> and <c>&lt;sub&gt;</c>.</param>
public sealed record Title(string Text)
{
    /// <summary>The title text.</summary>
    public string Text { get; } = Text ?? throw new ArgumentNullException(nameof(Text));

    /// <summary>A title with the given text.</summary>
    public static implicit operator Title(string text) => new(text);

    /// <inheritdoc />
    public override string ToString() => Text;
}
