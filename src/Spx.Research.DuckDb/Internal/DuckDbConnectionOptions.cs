using System.Data.Common;

namespace Spx.Research.DuckDb;

/// <summary>
/// A parsed connection string: <c>Data Source</c> (a file path, <c>:memory:</c> or <c>:memory:NAME</c>;
/// empty means <c>:memory:</c>) and every other key as a DuckDB configuration option (e.g. <c>threads=2</c>).
/// </summary>
internal sealed class DuckDbConnectionOptions
{
    public const string Memory = ":memory:";
    private static readonly string[] DataSourceKeys = ["data source", "datasource", "database", "data_source"];

    private DuckDbConnectionOptions(string dataSource, string nativePath, string? key, IReadOnlyList<KeyValuePair<string, string>> settings)
    {
        DataSource = dataSource;
        NativePath = nativePath;
        Key = key;
        Settings = settings;
    }

    /// <summary>The data source as written (or <c>:memory:</c>).</summary>
    public string DataSource { get; }

    /// <summary>What we hand to <c>duckdb_open_ext</c>.</summary>
    public string NativePath { get; }

    /// <summary>Registry key for sharing; null for a private in-memory database.</summary>
    public string? Key { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Settings { get; }

    public static DuckDbConnectionOptions Parse(string? connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString ?? "" };
        var dataSource = "";
        var settings = new List<KeyValuePair<string, string>>();
        foreach (string keyword in builder.Keys)
        {
            var value = Convert.ToString(builder[keyword], System.Globalization.CultureInfo.InvariantCulture) ?? "";
            if (DataSourceKeys.Contains(keyword.Trim().ToLowerInvariant())) dataSource = value.Trim();
            else settings.Add(new(keyword.Trim(), value));
        }

        if (dataSource.Length == 0 || dataSource == Memory)
            return new DuckDbConnectionOptions(Memory, Memory, null, settings);
        if (dataSource.StartsWith(Memory, StringComparison.Ordinal))
        {
            // DuckDB itself would take ":memory:NAME" as a file name; the sharing is ours (SharedDatabase),
            // so the native database is a plain in-memory one.
            return new DuckDbConnectionOptions(dataSource, Memory, dataSource, settings);
        }

        var fullPath = Path.GetFullPath(dataSource);
        return new DuckDbConnectionOptions(dataSource, fullPath, fullPath, settings);
    }
}
