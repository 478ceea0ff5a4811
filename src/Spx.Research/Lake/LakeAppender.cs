using DuckDB.NET.Data;

namespace Spx.Research.Lake;

/// <summary>
/// DuckDB.NET's appender with every value checked against the dataset's declared column types, so a value
/// of the wrong .NET type fails with the dataset, column and type named instead of storing garbage
/// (see <see cref="LakeAppenderRow"/>). Writers get one from <see cref="LakeSource.FromAppender"/>.
/// </summary>
/// <example><code>
/// appender.CreateRow().AppendValue("SPY").AppendValue(ts).AppendValue(471.5).AppendNull().EndRow();
/// </code></example>
public sealed class LakeAppender
{
    private readonly DuckDBAppender _appender;
    private readonly LakeAppenderRow _row;

    /// <summary>
    /// Wraps <paramref name="appender"/>, which must be on a table with exactly <paramref name="schema"/>'s
    /// columns in declaration order. Call <see cref="Finish"/> before closing it.
    /// </summary>
    public LakeAppender(DuckDBAppender appender, DatasetSchema schema)
    {
        ArgumentNullException.ThrowIfNull(appender);
        ArgumentNullException.ThrowIfNull(schema);
        _appender = appender;
        _row = new LakeAppenderRow(schema);
        Schema = schema;
    }

    /// <summary>The dataset whose declared columns the values are checked against.</summary>
    public DatasetSchema Schema { get; }

    /// <summary>Rows started so far.</summary>
    public long Rows { get; private set; }

    /// <summary>Starts the next row. The previous one must have been ended.</summary>
    public LakeAppenderRow CreateRow()
    {
        if (_row.IsOpen) throw _row.NotEnded();
        _row.Begin(_appender.CreateRow(), ++Rows);
        return _row;
    }

    /// <summary>
    /// Throws when the last row was started and not ended. DuckDB.NET would still write it on close when every
    /// value was appended (and drop it otherwise), so a forgotten <see cref="LakeAppenderRow.EndRow"/> is an error here.
    /// </summary>
    public void Finish()
    {
        if (_row.IsOpen) throw _row.NotEnded();
    }
}
