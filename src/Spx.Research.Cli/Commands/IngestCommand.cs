using System.CommandLine;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// <c>spx ingest …</c>: filling the lake from the API. This branch has <c>stream</c> only; <c>backfill</c> is
/// attached here when the branches merge.
/// </summary>
public static class IngestCommand
{
    public static Command Create() => new("ingest", "Fill the lake from the Polygon/Massive API (or spx simulate serve)")
    {
        IngestStreamCommand.Create(),
    };
}
