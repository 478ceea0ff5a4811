using System.CommandLine;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// <c>spx price --input FILE.csv [--output FILE.csv]</c>: Black-Scholes-Merton prices, implied volatilities and greeks
/// for every row of a CSV file (docs/pricing.md). A bad row stops the run with one line naming it and exit 1, and
/// nothing is written; the output file appears whole or not at all.
/// </summary>
public static class PriceCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "CSV with header type,S,K,T,r,q and sigma and/or price", Required = true, HelpName = "file" };
        var output = new Option<string?>("--output") { Description = "Where to write the result CSV (default: standard output)", HelpName = "file" };
        var command = new Command("price", "Price options, solve implied volatilities and compute greeks (theta per day, vega and rho per point) from a CSV file")
        {
            input, output,
        };
        command.SetAction(parse =>
        {
            PriceInput rows;
            try
            {
                rows = PriceInput.Read(parse.GetValue(input)!);
            }
            catch (PriceInputException bad)
            {
                parse.InvocationConfiguration.Error.WriteLine($"spx: error: {bad.Message}");
                return ExitCodes.Failure;
            }

            var result = PriceResult.Of(rows);
            if (parse.GetValue(output) is { } path) WriteFile(path, rows, result);
            else PriceOutput.Write(parse.InvocationConfiguration.Output, rows, result);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Writes under a temporary name beside the target and renames it over, so a reader never sees half a file.</summary>
    private static void WriteFile(string path, PriceInput rows, PriceResult result)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var writer = new StreamWriter(temp)) PriceOutput.Write(writer, rows, result);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
