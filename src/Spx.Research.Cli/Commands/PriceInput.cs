using System.Globalization;
using nietras.SeparatedValues;
using Spx.Research.Market;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// The rows of an <c>spx price</c> input file as columns: header <c>type,S,K,T,r,q</c> plus <c>sigma</c> and/or
/// <c>price</c>; a row prices at its sigma when that cell has a value, else solves the IV of its price. A bad cell is
/// one error naming the file, line and field, and the whole file is refused (no partial output).
/// </summary>
internal sealed class PriceInput
{
    private static readonly string[] Required = ["type", "S", "K", "T", "r", "q"];

    public List<OptionRight> Right { get; } = [];
    public List<double> Spot { get; } = [];
    public List<double> Strike { get; } = [];
    public List<double> Years { get; } = [];
    public List<double> Rate { get; } = [];
    public List<double> Yield { get; } = [];

    /// <summary>The row's volatility, or NaN when the row gives a price instead.</summary>
    public List<double> Sigma { get; } = [];

    /// <summary>The row's price when it has no sigma, else NaN.</summary>
    public List<double> Price { get; } = [];

    public int Count => Right.Count;

    /// <exception cref="PriceInputException">The file is missing, has no usable header, or a cell is bad.</exception>
    public static PriceInput Read(string path)
    {
        if (!File.Exists(path)) throw new PriceInputException($"{path}: no such file");
        try
        {
            return ReadRows(path);
        }
        catch (InvalidDataException bad)
        {
            throw new PriceInputException($"{path}: {bad.Message.ReplaceLineEndings(" ")}");
        }
    }

    private static PriceInput ReadRows(string path)
    {
        using var reader = Sep.New(',').Reader(o => o with { Trim = SepTrim.All }).FromFile(path);
        var names = reader.Header.ColNames;
        var header = Shorten(string.Join(',', names));
        foreach (var name in Required)
            if (!names.Contains(name)) throw new PriceInputException($"{path} line 1: missing column '{name}' (header: {header}; needs {string.Join(',', Required)} and sigma or price)");
        var hasSigma = names.Contains("sigma");
        var hasPrice = names.Contains("price");
        if (!hasSigma && !hasPrice) throw new PriceInputException($"{path} line 1: no 'sigma' or 'price' column (header: {header})");

        var input = new PriceInput();
        foreach (var row in reader)
            input.Add(new Cells(path, row.LineNumberFrom, row), hasSigma, hasPrice);
        return input;
    }

    /// <summary>At most 80 characters of a header, so a binary file's first line does not flood the terminal.</summary>
    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private void Add(Cells cells, bool hasSigma, bool hasPrice)
    {
        Right.Add(cells.Right("type"));
        Spot.Add(cells.Number("S", positive: true));
        Strike.Add(cells.Number("K", positive: true));
        Years.Add(cells.Number("T"));
        Rate.Add(cells.Number("r"));
        Yield.Add(cells.Number("q"));
        var sigma = hasSigma && !cells.IsEmpty("sigma") ? cells.Number("sigma") : double.NaN;
        if (sigma < 0) throw cells.Bad("sigma", "must be ≥ 0");
        if (double.IsNaN(sigma) && !(hasPrice && !cells.IsEmpty("price"))) throw cells.Bad(hasSigma ? "sigma" : "price", "is empty: the row needs a sigma or a price");
        Sigma.Add(sigma);
        Price.Add(double.IsNaN(sigma) ? cells.Number("price") : double.NaN);
    }

    /// <summary>One row's cells, read with errors that name the file, line and field.</summary>
    private readonly ref struct Cells(string path, int line, SepReader.Row row)
    {
        private readonly SepReader.Row _row = row;

        public bool IsEmpty(string field) => _row[field].Span.IsEmpty;

        public double Number(string field, bool positive = false)
        {
            var text = _row[field].Span;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                throw Bad(field, "is not a number");
            if (positive && value <= 0) throw Bad(field, "must be > 0");
            return value;
        }

        public OptionRight Right(string field) => _row[field].Span.ToString().ToLowerInvariant() switch
        {
            "call" or "c" => OptionRight.Call,
            "put" or "p" => OptionRight.Put,
            _ => throw Bad(field, "is not call, put, c or p"),
        };

        public PriceInputException Bad(string field, string rule) =>
            new($"{path} line {line}: field '{field}' is '{_row[field].Span.ToString()}': {rule}");
    }
}

/// <summary>A problem with an <c>spx price</c> input file; the message names the file, line and field.</summary>
internal sealed class PriceInputException(string message) : Exception(message);
