using System.Collections;
using System.Globalization;
using Npgsql;
using Spx.Research.Lake;
using Spx.Research.Sinks;
using Spx.Research.Sinks.Postgres;

namespace Spx.Research.Postgres.Tests;

/// <summary>A small lake in a temp folder, written by the real LakeWriter, and helpers to compare it with PostgreSQL.</summary>
internal sealed class ExportLake : IDisposable
{
    public static readonly DateOnly Day = new(2025, 3, 3);
    public static readonly DateOnly NextDay = new(2025, 3, 4);

    public ExportLake()
    {
        Root = Directory.CreateTempSubdirectory("spx-pg-lake-").FullName;
        Layout = new LakeLayout(Root);
    }

    public string Root { get; }

    public LakeLayout Layout { get; }

    /// <summary>Minute bars of SPY (09:30 New York = 14:30 UTC in March before DST): <paramref name="count"/> rows, close shifted on row <paramref name="changedRow"/>.</summary>
    public void WriteBars(DateOnly day, int count, int changedRow = -1)
    {
        using var writer = new LakeWriter(Layout, DatasetRegistry.Default);
        writer.ReplacePartition("stock_bars_1m", day, LakeSource.FromSql($"""
            SELECT 'SPY' AS ticker, TIMESTAMPTZ '{day:yyyy-MM-dd} 14:30:00+00' + to_minutes(i) AS ts,
                   580.0 + i AS open, 581.0 + i AS high, 579.0 + i AS low,
                   580.5 + i + CASE WHEN i = {changedRow} THEN 0.25 ELSE 0 END AS close,
                   CAST(1000 + i AS DOUBLE) AS volume, CASE WHEN i % 2 = 0 THEN 580.25 + i END AS vwap, CAST(10 + i AS BIGINT) AS trades
            FROM range(0, {count}) AS r(i)
            """));
    }

    /// <summary>Runs the library export of <paramref name="dataset"/> into <paramref name="schema"/>.</summary>
    public SinkExportResult Export(PostgresServer server, string schema, string dataset, DateOnly? from = null, DateOnly? to = null)
    {
        using var session = new LakeSession(Layout, DatasetRegistry.Default);
        using var sink = PostgresSink.Open(PostgresDsn.Parse(server.ConnectionString), schema);
        return LakeSinkExport.Run(session, sink, dataset, from, to);
    }

    /// <summary>The dataset's rows in the lake (declared columns, then date), each as text, sorted.</summary>
    public string[] LakeRows(string dataset, DateOnly? from = null, DateOnly? to = null) => LakeRows(Layout, dataset, from, to);

    /// <summary>The rows of any lake's dataset, as <see cref="LakeRows(string, DateOnly?, DateOnly?)"/>.</summary>
    public static string[] LakeRows(LakeLayout layout, string dataset, DateOnly? from, DateOnly? to)
    {
        using var session = new LakeSession(layout, DatasetRegistry.Default);
        var columns = DatasetRegistry.Default[dataset].Columns.Select(c => c.Name).Append("date");
        var where = from is null ? "" : $" WHERE date BETWEEN {SqlText.Date(from.Value)} AND {SqlText.Date(to ?? from.Value)}";
        return session.Query($"SELECT {SqlText.Identifiers(columns)} FROM {SqlText.Identifier(dataset)}{where}", reader =>
        {
            var rows = new List<string>();
            while (reader.Read()) rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => Text(DuckDbValue.Read(reader, i)))));
            return rows.Order(StringComparer.Ordinal).ToArray();
        });
    }

    /// <summary>The same for the PostgreSQL table.</summary>
    public static string[] TableRows(PostgresServer server, string schema, string dataset)
    {
        var columns = DatasetRegistry.Default[dataset].Columns.Select(c => c.Name).Append("date");
        using var connection = server.Connect();
        using var command = new NpgsqlCommand($"SELECT {PostgresTable.QuotedList(columns)} FROM {PostgresTable.Quote(schema)}.{PostgresTable.Quote(dataset)}", connection);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => Text(reader.IsDBNull(i) ? null : Value(reader, i)))));
        return rows.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Row versions (ctid, xmin): any write to a row changes them, so equal lists mean nothing was rewritten.</summary>
    public static string[] RowVersions(PostgresServer server, string schema, string dataset)
    {
        using var connection = server.Connect();
        using var command = new NpgsqlCommand($"SELECT ctid::text || '/' || xmin::text FROM {PostgresTable.Quote(schema)}.{PostgresTable.Quote(dataset)}", connection);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(0));
        return rows.Order(StringComparer.Ordinal).ToArray();
    }

    private static object Value(NpgsqlDataReader reader, int i) =>
        reader.GetDataTypeName(i) == "date" ? reader.GetFieldValue<DateOnly>(i) : reader.GetValue(i);

    /// <summary>One spelling for both drivers: instants in UTC ISO form, dates as YYYY-MM-DD, doubles round-trip, lists bracketed.</summary>
    private static string Text(object? value) => value switch
    {
        null => "NULL",
        string text => text,
        DateTime instant => DateTime.SpecifyKind(instant, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Text)) + "]",
        IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
