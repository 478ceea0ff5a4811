using System.Data.Common;
using Spx.Research.Lake;

namespace Spx.Research.Cli.Output;

/// <summary>
/// Rows ready to print: column names and typed cell values (null for SQL NULL). Keeping values typed
/// lets JSON write numbers as numbers while CSV and tables format them as text.
/// </summary>
public sealed record ResultTable(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows)
{
    /// <summary>Reads every row of <paramref name="reader"/>.</summary>
    public static ResultTable From(DbDataReader reader)
    {
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[columns.Length];
            for (var i = 0; i < row.Length; i++) row[i] = DuckDbValue.Read(reader, i);
            rows.Add(row);
        }
        return new ResultTable(columns, rows);
    }
}
