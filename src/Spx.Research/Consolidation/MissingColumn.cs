using DuckDB.NET.Data;
using Spx.Research.Lake;

namespace Spx.Research.Consolidation;

/// <summary>
/// Names the lake column an input file lacks, for the error message. Consolidation reads every input through a CAST
/// of each of its dataset's columns, and for a file without one DuckDB's binder says only that a column "cannot be
/// referenced before it is defined"; so, after a query failed, the files are looked at one footer at a time.
/// </summary>
internal static class MissingColumn
{
    /// <summary>"DATASET partition date=D: column 'c' is missing from FILE" for the first such file of the days' inputs, else null.</summary>
    public static string? In(DuckDBConnection connection, IEnumerable<ConsolidationInputs> days)
    {
        foreach (var day in days)
        {
            var inputs = new[]
            {
                (FoundationDatasets.OptionBars1m, day.OptionBars), (FoundationDatasets.StockBars1s, day.SecondBars), (FoundationDatasets.IndexBars1m, day.IndexBars),
            };
            foreach (var (schema, files) in inputs)
            {
                if (In(connection, schema, files) is { } missing) return $"{schema.Name} partition {LakeLayout.PartitionName(day.Date)}: {missing}";
            }
        }
        return null;
    }

    /// <summary>"column 'c' is missing from FILE" for the first of <paramref name="files"/> without one of <paramref name="schema"/>'s columns, else null.</summary>
    public static string? In(DuckDBConnection connection, DatasetSchema schema, IEnumerable<string> files)
    {
        foreach (var path in files)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            using (var reader = connection.ExecuteReader($"SELECT name FROM parquet_schema({SqlText.Literal(path)})"))
            {
                while (reader.Read()) names.Add(reader.GetString(0));
            }
            if (schema.Columns.FirstOrDefault(c => !names.Contains(c.Name)) is { } missing) return $"column '{missing.Name}' is missing from {path}";
        }
        return null;
    }
}
