using System.Text.RegularExpressions;
using Spx.Research.Market;

namespace Spx.Research.Cli.Parsing;

/// <summary>
/// Ticker rules for the <c>spx api</c> verbs, checked before any request so a typo is a usage error instead of
/// an empty answer: option tickers by <see cref="OptionTicker"/>'s own parser, indices as <c>I:</c> + symbol,
/// stocks as upper-case letters (a class suffix like <c>BRK.B</c> allowed).
/// </summary>
public static partial class Tickers
{
    /// <summary>A stock, index or option ticker.</summary>
    /// <exception cref="FormatException">Says which rule the text breaks.</exception>
    public static string Any(string text)
    {
        if (!text.StartsWith(OptionTicker.Prefix, StringComparison.Ordinal)) return Underlying(text);
        return OptionTicker.TryParse(text, out _)
            ? text
            : throw new FormatException($"is not an option ticker: expected O:<root><yymmdd><C|P><strike × 1000, 8 digits>, e.g. O:SPXW241220P05800000");
    }

    /// <summary>A stock (<c>SPY</c>) or index (<c>I:SPX</c>) ticker; options have no chain of their own.</summary>
    /// <exception cref="FormatException">Says which rule the text breaks.</exception>
    public static string Underlying(string text)
    {
        if (text.StartsWith("I:", StringComparison.Ordinal))
            return IndexSymbol().IsMatch(text[2..]) ? text : throw new FormatException("is not an index ticker: expected I: and 1–10 upper-case letters or digits, e.g. I:SPX");
        if (text.StartsWith(OptionTicker.Prefix, StringComparison.Ordinal))
            throw new FormatException("is an option ticker; give its underlying, e.g. SPX or SPY");
        return StockSymbol().IsMatch(text) ? text : throw new FormatException("is not a ticker: expected upper-case letters (and a class suffix such as BRK.B), e.g. SPY, or I:SPX for an index");
    }

    /// <summary>A WebSocket topic: event type, a dot, and a ticker or <c>*</c> (<c>AM.SPY</c>, <c>A.I:SPX</c>, <c>AM.*</c>).</summary>
    /// <exception cref="FormatException">Says which part is wrong.</exception>
    public static string Topic(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !EventType().IsMatch(text[..dot]))
            throw new FormatException("is not a topic: expected EVENT.TICKER, e.g. AM.SPY, A.I:SPX or AM.*");
        var ticker = text[(dot + 1)..];
        if (ticker != "*") Any(ticker);
        return text;
    }

    [GeneratedRegex("^[A-Z0-9]{1,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex IndexSymbol();

    [GeneratedRegex(@"^[A-Z]{1,6}(\.[A-Z]{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex StockSymbol();

    [GeneratedRegex("^[A-Z]{1,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex EventType();
}
