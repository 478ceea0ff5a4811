using System.CommandLine;

namespace Spx.Research.Cli.Commands;

/// <summary><c>spx ingest …</c>: bring data into the lake and watch the jobs that do it.</summary>
public static class IngestCommand
{
    public static Command Create() => new("ingest", "Bring data into the lake: import files; list and stop ingest jobs")
    {
        IngestImportCommand.Create(),
        IngestStatusCommand.Create(),
        IngestStopCommand.Create(),
    };
}
