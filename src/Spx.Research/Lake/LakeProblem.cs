namespace Spx.Research.Lake;

/// <summary>What <see cref="LakeCheck"/> can find wrong.</summary>
public enum LakeProblemKind
{
    /// <summary>A file that is not readable Parquet (truncated, overwritten, undecodable pages).</summary>
    Unreadable,

    /// <summary>A readable file whose columns are not the dataset's declared ones.</summary>
    SchemaMismatch,

    /// <summary>A session present in some datasets of a <see cref="DatasetGroup"/> and missing from others.</summary>
    IncompleteSession,
}

/// <summary>One problem in a lake, located as precisely as it is known (session, partition or file).</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Date">The session (partition date).</param>
/// <param name="Dataset">The dataset, or null for a problem of a whole session.</param>
/// <param name="File">The file's real path, or null.</param>
/// <param name="Message">What was found, one line.</param>
public sealed record LakeProblem(LakeProblemKind Kind, DateOnly Date, string? Dataset, string? File, string Message)
{
    /// <summary><c>dataset/date=…/part-….parquet</c>, <c>dataset/date=…</c> or <c>date=…</c>: where a user looks.</summary>
    public string Location
    {
        get
        {
            var partition = LakeLayout.PartitionName(Date);
            if (Dataset is null) return partition;
            return File is null ? $"{Dataset}/{partition}" : $"{Dataset}/{partition}/{Path.GetFileName(File)}";
        }
    }

    /// <summary>One line: location, then what was found.</summary>
    public override string ToString() => $"{Location}: {Message}";
}
