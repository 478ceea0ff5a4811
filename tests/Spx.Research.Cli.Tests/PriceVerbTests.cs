using System.Globalization;

namespace Spx.Research.Cli.Tests;

/// <summary>
/// <c>spx price</c> as a user runs it, through the built spx process: the reference rows of docs/pricing.md come out
/// in screen units (theta per day, vega and rho per point), prices come back to their volatility, a price with no
/// volatility says why, and a bad, truncated or hostile file is one line naming it with exit 1 and nothing written.
/// </summary>
public sealed class PriceVerbTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("spx-price-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // docs/pricing.md "Reference values": id, type, S, K, T, r, q, σ, price, delta, gamma, theta/yr, vega, rho (per 1.0).
    private static readonly string[] Reference =
    [
        "H1,call,49,50,0.3846,0.05,0,0.2,2.400461087,0.5216016340,0.06554537725,-4.305389965,12.10524275,8.906574099",
        "H2,put,49,50,0.3846,0.05,0,0.2,2.448146934,-0.4783983660,0.06554537725,-1.853005672,12.10524275,-9.957165878",
        "H3,call,42,40,0.5,0.10,0,0.2,4.759422393,0.7791312909,0.04996267041,-4.559092195,8.813415060,13.98204591",
        "H4,put,42,40,0.5,0.10,0,0.2,0.8085993729,-0.2208687091,0.04996267041,-0.7541744966,8.813415060,-5.042542577",
        "G1,call,60,65,0.25,0.08,0,0.30,2.133368445,0.3724827980,0.04204275575,-8.428174387,11.35154405,5.053899858",
        "G2,put,100,95,0.5,0.10,0.05,0.20,2.464787647,-0.2641815996,0.02283957430,-3.000528096,22.83957430,-14.44147381",
        "G3,put,75,70,0.5,0.10,0.05,0.35,4.086953829,-0.2997079176,0.01846638383,-4.829646229,18.17784658,-13.28252382",
        "G4,call,105,100,0.5,0.10,0.10,0.36,12.43284451,0.5946286597,0.01349363711,-8.396839774,26.77812285,25.00158238",
        "G5,put,105,100,0.5,0.10,0.10,0.36,7.676697386,-0.3566007648,0.01349363711,-8.872454486,26.77812285,-22.55988884",
        "G6,call,55,60,0.75,0.10,0,0.30,5.392778824,0.5333413897,0.02782116048,-6.181255231,18.93577735,17.95574821",
        "G7,put,430,405,0.08333333333333333,0.07,0.05,0.20,1.757059929,-0.1361457768,0.008784802104,-31.19235030,27.07183182,-5.024978662",
        "G8,call,72,75,1.0,0.09,0,0.19,7.222751948,0.6382674579,0.02739288834,-6.049110885,26.98089930,38.73250502",
        "G9,put,500,490,0.25,0.08,0.05,0.15,8.805649158,-0.3378029070,0.009671703389,-21.43017025,90.67221928,-44.42677566",
    ];

    [Fact]
    public void Sigma_rows_reproduce_every_reference_row_in_screen_units()
    {
        var input = Write("reference.csv", ["type,S,K,T,r,q,sigma", .. Reference.Select(r => string.Join(',', r.Split(',')[1..8]))]);
        var output = Path.Combine(_folder, "out.csv");

        var run = Spx("price", "--input", input, "--output", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var rows = ReadCsv(output);
        Assert.Equal("type,S,K,T,r,q,price,iv,delta,gamma,theta_per_day,vega_per_point,rho_per_point,iv_status", rows[0]);
        for (var i = 0; i < Reference.Length; i++)
        {
            var expected = Reference[i].Split(',');
            var got = rows[i + 1].Split(',');
            var id = expected[0];
            Assert.Equal("given", got[13]);
            Close(id, "price", Number(expected[8]), Number(got[6]));
            Close(id, "delta", Number(expected[9]), Number(got[8]));
            Close(id, "gamma", Number(expected[10]), Number(got[9]));
            Close(id, "theta_per_day", Number(expected[11]) / 365, Number(got[10]));
            Close(id, "vega_per_point", Number(expected[12]) / 100, Number(got[11]));
            Close(id, "rho_per_point", Number(expected[13]) / 100, Number(got[12]));
        }
    }

    [Fact]
    public void Price_rows_come_back_to_the_reference_volatility_and_say_why_when_there_is_none()
    {
        var input = Write("prices.csv",
        [
            "type,S,K,T,r,q,price",
            .. Reference.Select(r => r.Split(',')).Select(f => string.Join(',', f[1..7].Append(f[8]))),
            "call,100,50,0.5,0,0,49.5",   // below intrinsic (50)
            "put,100,50,0.5,0,0,50",      // at the put's bound K·e^(−rt)
            "call,100,100,0,0,0,1",       // expired
        ]);

        var run = Spx("price", "--input", input);

        Assert.Equal(0, run.ExitCode);
        var rows = run.OutputLines;
        for (var i = 0; i < Reference.Length; i++)
        {
            var got = rows[i + 1].Split(',');
            Assert.Equal("solved", got[13]);
            Assert.True(Math.Abs(Number(got[7]) - Number(Reference[i].Split(',')[7])) <= 1e-8, $"{Reference[i][..2]}: iv {got[7]}");
        }

        Assert.Equal(["below_intrinsic", "above_upper_bound", "expired"], rows[^3..].Select(r => r.Split(',')[13]));
        Assert.All(rows[^3..], r => Assert.Equal("NaN", r.Split(',')[7]));
    }

    [Fact]
    public void Columns_in_any_order_short_type_letters_and_sigma_and_price_rows_mixed()
    {
        // G8 by sigma, then G8's price without a sigma, with the columns shuffled and the type as a letter.
        var input = Write("mixed.csv", ["price,q,sigma,K,type,T,S,r", ",0,0.19,75,c,1.0,72,0.09", "7.222751948,0,,75,C,1.0,72,0.09"]);

        var run = Spx("price", "--input", input);

        Assert.Equal(0, run.ExitCode);
        var (bySigma, byPrice) = (run.OutputLines[1].Split(','), run.OutputLines[2].Split(','));
        Assert.Equal(["call", "given"], new[] { bySigma[0], bySigma[13] });
        Assert.Equal(["call", "solved"], new[] { byPrice[0], byPrice[13] });
        Close("G8", "price", 7.222751948, Number(bySigma[6]));
        Assert.True(Math.Abs(Number(byPrice[7]) - 0.19) <= 1e-8, $"iv {byPrice[7]}");
        Close("G8", "delta from the price row", Number(bySigma[8]), Number(byPrice[8]));
    }

    [Theory]
    [InlineData("type,S,K,T,r,q,sigma\ncall,49,50,0.3846,0.05,0,0.2\nput,49,abc,0.5,0,0,0.2\n", "line 3: field 'K' is 'abc': is not a number")]
    [InlineData("type,S,K,T,r,q,sigma\ncall,49,50,0.3846,0.05,0,0.2\nstraddle,49,50,0.5,0,0,0.2\n", "line 3: field 'type' is 'straddle': is not call, put, c or p")]
    [InlineData("type,S,K,T,r,q,sigma\ncall,0,50,0.3846,0.05,0,0.2\n", "line 2: field 'S' is '0': must be > 0")]
    [InlineData("type,S,K,T,r,q,sigma\ncall,49,50,0.3846,0.05,0,-0.2\n", "line 2: field 'sigma' is '-0.2': must be ≥ 0")]
    [InlineData("type,S,K,T,r,q,sigma,price\ncall,49,50,0.3846,0.05,0,,\n", "line 2: field 'sigma' is '': is empty: the row needs a sigma or a price")]
    [InlineData("type,S,K,T,r,q\ncall,49,50,0.3846,0.05,0\n", "line 1: no 'sigma' or 'price' column (header: type,S,K,T,r,q)")]
    [InlineData("type,S,K,r,q,sigma\ncall,49,50,0.05,0,0.2\n", "line 1: missing column 'T'")]
    [InlineData("type,S,K,T,r,q,sigma\ncall,49,50,0.3846,0.05,0,0.2\nput,100,95", "Found 3 column(s) on row 2/lines [3..4]")]
    [InlineData("", "line 1: missing column 'type'")]
    public void A_bad_file_is_one_line_naming_the_line_and_field_and_nothing_is_written(string content, string expected)
    {
        var input = Path.Combine(_folder, "bad.csv");
        File.WriteAllText(input, content);
        var output = Path.Combine(_folder, "out.csv");
        File.WriteAllText(output, "kept\n");

        var run = Spx("price", "--input", input, "--output", output);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"spx: error: {input}", line);
        Assert.Contains(expected, line);
        Assert.Equal("kept\n", File.ReadAllText(output));
        Assert.Single(Directory.GetFiles(_folder, "*out.csv*"));
    }

    [Fact]
    public void A_binary_file_or_a_missing_one_fails_and_a_missing_input_flag_is_a_usage_error()
    {
        var junk = Path.Combine(_folder, "junk.csv");
        File.WriteAllBytes(junk, Enumerable.Range(0, 4096).Select(i => (byte)(i * 37 % 251)).ToArray());

        var binary = Spx("price", "--input", junk);
        var missing = Spx("price", "--input", Path.Combine(_folder, "none.csv"));
        var usage = Spx("price");

        Assert.Equal(1, binary.ExitCode);
        Assert.Contains("line 1: missing column 'type'", Assert.Single(binary.ErrorLines));
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal($"spx: error: {Path.Combine(_folder, "none.csv")}: no such file", Assert.Single(missing.ErrorLines));
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("--input", Assert.Single(usage.ErrorLines));
    }

    private CliRun Spx(params string[] args) => CliRun.Process(_folder, new Dictionary<string, string>(), args);

    private string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static string[] ReadCsv(string path) => File.ReadAllLines(path);

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>The table's 10 significant digits: 1e-9 relative, 1e-12 absolute for values near zero.</summary>
    private static void Close(string id, string what, double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= Math.Max(1e-9 * Math.Abs(expected), 1e-12), $"{id} {what}: expected {expected:R}, got {actual:R}");
}
