using DuckDB.NET.Data;

namespace Spx.Research.Lake;

/// <summary>
/// Where the rows of a write come from. Either way they are first staged into a table on the writer's
/// DuckDB connection, then checked against the schema and written with one <c>COPY … TO … (FORMAT parquet)</c>.
/// </summary>
public abstract class LakeSource
{
    private protected LakeSource() { }

    /// <summary>
    /// Rows from a DuckDB query run on the writer's <see cref="LakeWriter.Connection"/>, e.g. over a table
    /// the caller filled there, <c>read_json(…)</c>, or <c>range()</c>. Its column names must be the
    /// dataset's columns; types are cast to the declared ones when that is lossless.
    /// </summary>
    public static LakeSource FromSql(string query)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        return new SqlSource(query.TrimEnd().TrimEnd(';'));
    }

    /// <summary>
    /// Rows appended in-process: <paramref name="fill"/> gets a <see cref="LakeAppender"/> on a table with the
    /// dataset's declared columns (in declaration order) and appends whole rows
    /// (<c>appender.CreateRow().AppendValue(…)…EndRow()</c>), each value checked against its column's type.
    /// </summary>
    /// <remarks>
    /// When <paramref name="fill"/> throws (a value of the wrong type, a row with too few or too many values,
    /// a row not ended), the writer drops the staged rows and the partition stays as it was.
    /// </remarks>
    public static LakeSource FromAppender(Action<LakeAppender> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        return new AppenderSource(fill);
    }

    /// <summary>True when the staged table has exactly the dataset's declared columns, types and order.</summary>
    internal virtual bool StagesDeclaredColumns => false;

    /// <summary>Creates and fills <paramref name="table"/> (a fresh name) on <paramref name="connection"/>.</summary>
    internal abstract void Stage(DuckDBConnection connection, string table, DatasetSchema schema);

    /// <inheritdoc />
    public override string ToString() => GetType().Name;

    private sealed class SqlSource(string query) : LakeSource
    {
        internal override void Stage(DuckDBConnection connection, string table, DatasetSchema schema) =>
            connection.ExecuteNonQuery($"CREATE TABLE {SqlText.Identifier(table)} AS SELECT * FROM ({query}) AS source");

        public override string ToString() => "SQL: " + query;
    }

    private sealed class AppenderSource(Action<LakeAppender> fill) : LakeSource
    {
        internal override bool StagesDeclaredColumns => true;

        internal override void Stage(DuckDBConnection connection, string table, DatasetSchema schema)
        {
            // No NOT NULL constraints here: NULLs are reported by validation with the dataset's name,
            // the column and the row's key, which is more useful than the appender's constraint error.
            var columns = string.Join(", ", schema.Columns.Select(c => $"{SqlText.Identifier(c.Name)} {c.Type}"));
            connection.ExecuteNonQuery($"CREATE TABLE {SqlText.Identifier(table)} ({columns})");
            using var appender = connection.CreateAppender(table);
            var checkedAppender = new LakeAppender(appender, schema);
            fill(checkedAppender);
            checkedAppender.Finish();
        }

        public override string ToString() => "appender";
    }
}
