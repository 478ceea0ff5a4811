using DuckDB.NET.Data;
using Spx.Research.Consolidation;
using Spx.Research.Lake;

namespace Spx.Research.Tests.Consolidation;

/// <summary>
/// Hand-made <c>option_bars_1m</c> files for <see cref="DayBarsReader"/> tests: each is a DuckDB query over the view
/// <c>bars</c> of a source file, written with <c>COPY … TO … (FORMAT parquet)</c> into a temp folder; and the two
/// ways to read a date's files into <see cref="DayBars"/>.
/// </summary>
internal sealed class BarsFiles : IDisposable
{
    private readonly LakeWriter _writer;

    public BarsFiles()
    {
        Folder = Directory.CreateTempSubdirectory("spx-bars-files-").FullName;
        // A writer's connection, as consolidation reads with: time zone UTC.
        _writer = new LakeWriter(new LakeLayout(Folder), DatasetRegistry.Default);
    }

    public string Folder { get; }

    public DuckDBConnection Connection => _writer.Connection;

    /// <summary>Writes the rows of <paramref name="select"/> (a query over the view <c>bars</c> of <paramref name="source"/>) as <paramref name="name"/>.parquet.</summary>
    public string Write(string source, string name, string select, string copyOptions = "")
    {
        var path = Path.Combine(Folder, name + ".parquet");
        Connection.ExecuteNonQuery($"CREATE OR REPLACE TEMP VIEW bars AS SELECT * FROM read_parquet({SqlText.Literal(source)}, hive_partitioning = false)");
        Connection.ExecuteNonQuery($"COPY ({select}) TO {SqlText.Literal(path)} (FORMAT parquet{copyOptions})");
        return path;
    }

    /// <summary>SPY's bars of a date's partition made of <paramref name="files"/>, as consolidation reads them.</summary>
    public DayBars Read(DateOnly date, params string[] files) =>
        DayBarsReader.Read(Connection, new ConsolidationInputs(date, files, [], [], []), "SPY", new DayArrays());

    /// <summary>
    /// SPY's bars of <paramref name="file"/> read through DuckDB: beside a zero-row file of the same columns the
    /// partition is two files, which the direct ParquetSharp read does not take.
    /// </summary>
    public DayBars ReadThroughDuckDb(DateOnly date, string file)
    {
        var empty = Write(file, Path.GetFileNameWithoutExtension(file) + "-empty", "SELECT * FROM bars WHERE false");
        return Read(date, file, empty);
    }

    public void Dispose()
    {
        _writer.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
