using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Spx.Research.Market;

/// <summary>
/// One listed option contract, identified the way Polygon (and OCC symbology) writes it:
/// <c>O:SPXW241220P05800000</c> = root SPXW, expiry 2024-12-20, put, strike 5800.000.
/// </summary>
/// <remarks>
/// The ticker is parsed from the end because only the tail has a fixed width: 8 digits of strike × 1000,
/// the C/P letter, 6 digits of yymmdd; whatever is left is the root, which may itself end in digits
/// (adjusted roots such as SPY1). The strike is a <see cref="decimal"/> so that 512.5 ↔ 00512500 round-trips
/// exactly; <c>Parse(t).ToString() == t</c> for every valid ticker. Two-digit years are 2000–2099.
/// </remarks>
public sealed partial class OptionTicker : IEquatable<OptionTicker>, IParsable<OptionTicker>
{
    /// <summary>Polygon's asset-class prefix for options.</summary>
    public const string Prefix = "O:";

    /// <summary>Largest strike the 8-digit field can hold.</summary>
    public const decimal MaxStrike = 99_999.999m;

    private const int StrikeDigits = 8;
    private const int ExpiryDigits = 6;
    private const int MaxRootLength = 6; // OCC symbology allows roots of up to six characters.
    private const string Shape = "O:<root><yymmdd><C|P><strike × 1000 as 8 digits>, e.g. O:SPXW241220P05800000";

    private readonly long _strikeThousandths;
    private string? _text;

    /// <summary>Builds a contract from its parts; the inverse of <see cref="Parse(string)"/>.</summary>
    /// <exception cref="ArgumentException">The root is not 1–6 upper-case ASCII letters or digits.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The expiry is outside 2000–2099, the right is undefined, or the
    /// strike is not positive, above <see cref="MaxStrike"/>, or finer than 0.001.</exception>
    public OptionTicker(string root, DateOnly expiry, OptionRight right, decimal strike)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!IsValidRoot(root))
        {
            throw new ArgumentException($"Option root '{root}' must be 1–{MaxRootLength} upper-case letters or digits.", nameof(root));
        }

        if (expiry.Year is < 2000 or > 2099)
        {
            throw new ArgumentOutOfRangeException(nameof(expiry), expiry, "Option tickers carry a two-digit year: the expiry must be in 2000–2099.");
        }

        if (!Enum.IsDefined(right))
        {
            throw new ArgumentOutOfRangeException(nameof(right), right, "The right must be Call or Put.");
        }

        var thousandths = strike * 1000m;
        if (strike <= 0m || strike > MaxStrike || thousandths != decimal.Truncate(thousandths))
        {
            throw new ArgumentOutOfRangeException(
                nameof(strike),
                strike,
                $"The strike must be positive, at most {MaxStrike.ToString(CultureInfo.InvariantCulture)}, with at most three decimals.");
        }

        Root = root;
        Expiry = expiry;
        Right = right;
        _strikeThousandths = (long)thousandths;
        Strike = _strikeThousandths / 1000m;
    }

    /// <summary>The option root: SPX, SPXW, SPY, or an adjusted root such as SPY1.</summary>
    public string Root { get; }

    /// <summary>The expiry date written in the ticker (see <see cref="EffectiveExpiry"/> for holidays).</summary>
    public DateOnly Expiry { get; }

    /// <summary>Call or put.</summary>
    public OptionRight Right { get; }

    /// <summary>The strike price, exact to 0.001.</summary>
    public decimal Strike { get; }

    /// <summary>Exercise and settlement conventions of the root (see <see cref="OptionStyle.ForRoot"/>).</summary>
    public OptionStyle Style => OptionStyle.ForRoot(Root);

    /// <summary>The product the contract is on: SPX for both SPX and SPXW, otherwise the root itself.</summary>
    public string Underlying => UnderlyingOf(Root);

    /// <summary>The product an option root is on: SPX for SPXW (the weeklies and dailies), otherwise the root itself.</summary>
    public static string UnderlyingOf(string root) => root == "SPXW" ? "SPX" : root;

    /// <summary>Parses a Polygon option ticker such as <c>O:SPXW241220P05800000</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="ticker"/> is null.</exception>
    /// <exception cref="FormatException">Malformed; the message quotes the ticker and says which part is wrong.</exception>
    public static OptionTicker Parse(string ticker)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        return ParseCore(ticker, out var error) ?? throw new FormatException(Describe(ticker, error!));
    }

    /// <summary>Parses a ticker from a span (e.g. a slice of a CSV line or JSON buffer).</summary>
    /// <exception cref="FormatException">Malformed; the message quotes the ticker and says which part is wrong.</exception>
    public static OptionTicker Parse(ReadOnlySpan<char> ticker) =>
        ParseCore(ticker, out var error) ?? throw new FormatException(Describe(ticker, error!));

    /// <inheritdoc cref="Parse(string)"/>
    public static OptionTicker Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>Parses a ticker, returning false instead of throwing when it is null or malformed.</summary>
    public static bool TryParse([NotNullWhen(true)] string? ticker, [NotNullWhen(true)] out OptionTicker? result)
    {
        result = ticker is null ? null : ParseCore(ticker, out _);
        return result is not null;
    }

    /// <summary>Parses a ticker from a span, returning false instead of throwing when it is malformed.</summary>
    public static bool TryParse(ReadOnlySpan<char> ticker, [NotNullWhen(true)] out OptionTicker? result)
    {
        result = ParseCore(ticker, out _);
        return result is not null;
    }

    /// <inheritdoc cref="TryParse(string?, out OptionTicker?)"/>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out OptionTicker result) =>
        TryParse(s, out result);

    /// <summary>The Polygon ticker, e.g. <c>O:SPY240517C00512500</c>.</summary>
    public override string ToString() => _text ??= string.Create(
        CultureInfo.InvariantCulture,
        $"{Prefix}{Root}{Expiry:yyMMdd}{(Right == OptionRight.Call ? 'C' : 'P')}{_strikeThousandths:D8}");

    /// <inheritdoc/>
    public bool Equals(OptionTicker? other) =>
        other is not null
        && _strikeThousandths == other._strikeThousandths
        && Expiry == other.Expiry
        && Right == other.Right
        && string.Equals(Root, other.Root, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as OptionTicker);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Root, Expiry, Right, _strikeThousandths);

    /// <summary>Value equality: same root, expiry, right and strike.</summary>
    public static bool operator ==(OptionTicker? left, OptionTicker? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(OptionTicker? left, OptionTicker? right) => !(left == right);

    private static OptionTicker? ParseCore(ReadOnlySpan<char> s, out string? error)
    {
        if (!s.StartsWith(Prefix, StringComparison.Ordinal))
        {
            error = "missing the 'O:' prefix";
            return null;
        }

        var body = s[Prefix.Length..];
        var digits = 0;
        while (digits < body.Length && char.IsAsciiDigit(body[body.Length - 1 - digits]))
        {
            digits++;
        }

        // The letter before the trailing digits is the right, if the ticker is well formed.
        var rightAt = body.Length - digits - 1;
        var hasRightLetter = rightAt >= 0 && body[rightAt] is 'C' or 'P';
        if (digits > StrikeDigits && !hasRightLetter)
        {
            error = "missing the right letter 'C' or 'P' before the 8-digit strike";
            return null;
        }

        if (digits != StrikeDigits)
        {
            error = $"the strike must be the last 8 digits (strike × 1000), found {digits} trailing digit{(digits == 1 ? "" : "s")}";
            return null;
        }

        if (rightAt < 0)
        {
            error = "missing the right letter 'C' or 'P' before the strike";
            return null;
        }

        if (!hasRightLetter)
        {
            error = $"the right letter must be 'C' or 'P', found '{body[rightAt]}'";
            return null;
        }

        var expiryAt = rightAt - ExpiryDigits;
        if (expiryAt < 0 || !IsAllAsciiDigits(body.Slice(expiryAt, ExpiryDigits)))
        {
            error = $"the expiry before the right letter must be 6 digits yymmdd, found '{body[Math.Max(0, expiryAt)..rightAt]}'";
            return null;
        }

        var yymmdd = body.Slice(expiryAt, ExpiryDigits);
        var year = 2000 + TwoDigits(yymmdd[..2]);
        var month = TwoDigits(yymmdd[2..4]);
        var day = TwoDigits(yymmdd[4..]);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = $"the expiry '{yymmdd}' is not a valid yymmdd date";
            return null;
        }

        var root = body[..expiryAt];
        if (root.IsEmpty)
        {
            error = "the root (e.g. SPX, SPXW, SPY) before the yymmdd expiry is empty";
            return null;
        }

        if (!IsValidRoot(root))
        {
            error = $"the root '{root}' must be 1–{MaxRootLength} upper-case letters or digits";
            return null;
        }

        var thousandths = long.Parse(body[(rightAt + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
        if (thousandths == 0)
        {
            error = "the strike is zero";
            return null;
        }

        error = null;
        var right = body[rightAt] == 'C' ? OptionRight.Call : OptionRight.Put;
        return new OptionTicker(InternRoot(root), new DateOnly(year, month, day), right, thousandths / 1000m);
    }

    private static string Describe(ReadOnlySpan<char> ticker, string error)
    {
        const int maxShown = 64;
        var shown = ticker.Length <= maxShown ? ticker.ToString() : string.Concat(ticker[..maxShown], "…");
        return $"Invalid option ticker '{shown}': {error}. Expected {Shape}.";
    }

    private static bool IsValidRoot(ReadOnlySpan<char> root)
    {
        if (root.IsEmpty || root.Length > MaxRootLength)
        {
            return false;
        }

        foreach (var c in root)
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAllAsciiDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int TwoDigits(ReadOnlySpan<char> span) => ((span[0] - '0') * 10) + (span[1] - '0');

    /// <summary>The roots this workspace parses by the million share one string each.</summary>
    private static string InternRoot(ReadOnlySpan<char> root) => root switch
    {
        "SPX" => "SPX",
        "SPXW" => "SPXW",
        "SPY" => "SPY",
        _ => root.ToString(),
    };
}
