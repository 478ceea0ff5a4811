using DuckDB.NET.Data;
using Spx.Research.Lake;
using Spx.Research.Market;

namespace Spx.Research.Ingest.Streaming;

/// <summary>
/// The day's option contracts to stream: given explicitly (<c>--contracts</c>: a file with one ticker per line, or
/// a comma-separated list), else read from the day's <c>option_selection</c> partition that contract discovery
/// writes (date, underlying, ticker, expiry, option_right, strike), restricted to the streamed underlyings.
/// Every ticker is checked, so a typo fails at start by name instead of subscribing to nothing.
/// </summary>
public static class ContractList
{
    /// <summary>The dataset contract discovery writes.</summary>
    public const string SelectionDataset = "option_selection";

    /// <summary>The contracts, and where they came from (for the log).</summary>
    /// <exception cref="StreamPlanException">A ticker is not an option ticker, or the file cannot be read.</exception>
    public static (IReadOnlyList<string> Tickers, string From) Load(string? given, LakeLayout lake, DateOnly session, IReadOnlyList<string> underlyings)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            var fromFile = File.Exists(given);
            var items = fromFile ? ReadFile(given) : given.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return (Checked(items, fromFile ? given : "--contracts"), fromFile ? given : "--contracts");
        }
        var partition = lake.PartitionDirectory(SelectionDataset, session);
        var files = Directory.Exists(partition) ? Directory.GetFiles(partition, "*.parquet") : [];
        if (files.Length == 0) return ([], $"no {SelectionDataset} partition for {session:yyyy-MM-dd} and no --contracts");
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var reader = connection.ExecuteReader(
            $"SELECT DISTINCT ticker FROM read_parquet({SqlText.FileList(files)}) WHERE underlying IN ({string.Join(", ", underlyings.Select(SqlText.Literal))}) ORDER BY ticker");
        var tickers = new List<string>();
        while (reader.Read()) tickers.Add(reader.GetString(0));
        return (Checked(tickers, partition), partition);
    }

    private static string[] ReadFile(string path)
    {
        try
        {
            return [.. File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];
        }
        catch (IOException e)
        {
            throw new StreamPlanException($"{path}: cannot read the contract list: {e.Message}");
        }
    }

    private static IReadOnlyList<string> Checked(IEnumerable<string> tickers, string from)
    {
        var list = tickers.Distinct(StringComparer.Ordinal).ToList();
        foreach (var ticker in list)
            if (!OptionTicker.TryParse(ticker, out _))
                throw new StreamPlanException($"{from}: '{ticker}' is not an option ticker (expected e.g. O:SPY250303C00580000)");
        return list;
    }
}
