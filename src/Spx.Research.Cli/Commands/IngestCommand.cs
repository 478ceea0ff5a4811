using System.CommandLine;

namespace Spx.Research.Cli.Commands;

/// <summary><c>spx ingest …</c>: filling the lake from the API (docs/ingest.md). One line per verb below.</summary>
public static class IngestCommand
{
    public static Command Create()
    {
        var ingest = new Command("ingest", "Fill the lake from the Polygon/Massive API or a simulator: backfill history, record a live session, import files; list and stop ingest jobs");
        ingest.Add(IngestBackfillCommand.Create());
        ingest.Add(IngestStreamCommand.Create());
        ingest.Add(IngestImportCommand.Create());
        ingest.Add(IngestStatusCommand.Create());
        ingest.Add(IngestStopCommand.Create());
        return ingest;
    }
}
