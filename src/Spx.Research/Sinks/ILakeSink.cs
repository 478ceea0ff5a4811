using System.Data.Common;
using Spx.Research.Lake;

namespace Spx.Research.Sinks;

/// <summary>
/// A store outside the lake that receives copies of lake partitions (PostgreSQL today; MySQL, Snowflake and
/// object storage on paper in docs/sinks.md). The shape is the lake's: one table per dataset, keyed like the
/// dataset, filled one partition at a time, each partition all or nothing, so an export can be re-run or
/// resumed and ends in the same state.
/// </summary>
public interface ILakeSink : IDisposable
{
    /// <summary>Where the rows go, for messages: credentials are never part of it.</summary>
    string Target { get; }

    /// <summary>Creates the dataset's table, or checks that an existing one has the dataset's columns and key.</summary>
    /// <exception cref="SinkSchemaException">The existing table differs; the message names the column.</exception>
    void Prepare(DatasetSchema schema);

    /// <summary>
    /// Upserts the rows of one partition (the dataset's columns in declared order) in one transaction: rows
    /// whose key is new are inserted, rows whose values changed are updated, identical rows are left alone.
    /// </summary>
    SinkPartitionResult Write(DatasetSchema schema, DateOnly date, DbDataReader rows);
}
