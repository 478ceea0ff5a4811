using DuckDB.NET.Data;
using Spx.Research.Ingest.Discovery;
using Spx.Research.Lake;
using Spx.Research.Market;

namespace Spx.Research.Ingest.Pipeline;

/// <summary>
/// What discovery reads back from the lake once the day's minute bars and listing are stored: the opening
/// price and the listed contracts. Reading the stored rows (not the download in memory) makes a resumed run
/// choose exactly what an uninterrupted one chose.
/// </summary>
public sealed class LakeInputs(LakeLayout lake)
{
    /// <summary>The open of the first minute bar at or after the session's open.</summary>
    /// <exception cref="InvalidDataException">No such bar is stored (names the ticker, day and dataset).</exception>
    public double OpeningPrice(string ticker, MarketSession session)
    {
        var files = lake.PartitionFiles(FoundationDatasets.StockBars1m.Name, session.Date);
        using var connection = Open();
        var open = files.Count == 0 ? 0 : connection.ExecuteScalar<double>(
            $"SELECT open FROM read_parquet({SqlText.FileList(files)}) WHERE ticker = {SqlText.Literal(ticker)} AND ts >= {SqlText.Instant(session.Open)} ORDER BY ts LIMIT 1");
        return open > 0 ? open : throw new InvalidDataException(
            $"{ticker} {session.Date:yyyy-MM-dd}: no opening price: stock_bars_1m has no bar at or after {session.Open:HH:mm}Z (download minutes first)");
    }

    /// <summary>Whether any minute bar of <paramref name="ticker"/> is stored for <paramref name="day"/>.</summary>
    public bool HasMinuteBars(string ticker, DateOnly day)
    {
        var files = lake.PartitionFiles(FoundationDatasets.StockBars1m.Name, day);
        if (files.Count == 0) return false;
        using var connection = Open();
        return connection.ExecuteScalar<long>($"SELECT count(*) FROM read_parquet({SqlText.FileList(files)}) WHERE ticker = {SqlText.Literal(ticker)}") > 0;
    }

    /// <summary>The contracts of <paramref name="underlying"/> stored as listed on <paramref name="day"/>.</summary>
    public IReadOnlyList<ListedContract> Listing(string underlying, DateOnly day)
    {
        var files = lake.PartitionFiles(FoundationDatasets.OptionContracts.Name, day);
        if (files.Count == 0) return [];
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT ticker, expiry, option_right, strike FROM read_parquet({SqlText.FileList(files)}) WHERE underlying = {SqlText.Literal(underlying)} ORDER BY ticker";
        using var reader = command.ExecuteReader();
        var listed = new List<ListedContract>();
        while (reader.Read())
            listed.Add(new ListedContract(reader.GetString(0), DateOnly.FromDateTime(reader.GetDateTime(1)), reader.GetString(2)[0], reader.GetDouble(3)));
        return listed;
    }

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        connection.ExecuteNonQuery("SET TimeZone = 'UTC'");
        return connection;
    }
}
