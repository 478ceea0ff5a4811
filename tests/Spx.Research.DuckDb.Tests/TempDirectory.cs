namespace Spx.Research.DuckDb.Tests;

/// <summary>A fresh temp folder for file databases, deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "spx-duckdb-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* best effort */ }
    }
}

internal static class Db
{
    public static DuckDbConnection OpenMemory()
    {
        var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    public static DuckDbConnection Open(string connectionString)
    {
        var connection = new DuckDbConnection(connectionString);
        connection.Open();
        return connection;
    }
}
